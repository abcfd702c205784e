import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { openAPIRouteHandler, type GenerateSpecOptions } from 'hono-openapi';
import { toJsonSchema } from '@valibot/to-json-schema';
import { ApiErrorSchema } from '@shared/schemas/error.ts';
import { DEVICE_ID_PATTERN } from '@shared/schemas/mutation.ts';
import type { Database } from './db/database.ts';
import type { AppEnv, ServerSettings } from './lib/appEnv.ts';
import { AccessCache } from './lib/accessCache.ts';
import { PullCache } from './lib/pullCache.ts';
import { authorize, enforceRules } from './lib/authorize.ts';
import { setAnswerHeader } from './lib/answerHeader.ts';
import { compression } from './lib/compression.ts';
import { fail, handleError } from './lib/errors.ts';
import { OidcClient } from './lib/identity/oidc.ts';
import { createAddressLimiter } from './lib/loginThrottle.ts';
import { readRequestClient } from './lib/requestClient.ts';
import { requestLog } from './lib/requestLog.ts';
import { rejectCrossSite, securityHeaders, strictTransport } from './lib/webSecurity.ts';
import { accessibilityRoutes } from './routes/accessibility.ts';
import { activityRoutes } from './routes/activities.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { goalRoutes } from './routes/goals.ts';
import { healthRoutes, readyRoutes } from './routes/health.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { indicatorKoladaRoutes, koladaRoutes, planKoladaRoutes } from './routes/kolada.ts';
import { KoladaClient } from './lib/kolada/koladaClient.ts';
import { reportRoutes } from './routes/reports.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { planRoutes } from './routes/plans.ts';
import { syncRoutes } from './routes/sync.ts';

export interface AppOptions {
  db: Database;
  /** The built client to serve next to the API; null serves the API only (tests, `npm run dev`). */
  clientDir: string | null;
  /** Sign-in attempts allowed per client address and minute. */
  loginAttemptsPerMinute?: number;
  /**
   * Whether a proxy in front of the app says who the client is (`TRUST_PROXY`): only when every request
   * comes through one, or anyone could claim any address and scheme.
   */
  trustProxy?: boolean;
  settings?: Partial<ServerSettings>;
  /** The process's client of Kolada, shared with its nightly fetch so both keep to one pace. */
  kolada?: KoladaClient;
}

const BODY_LIMIT = 1024 * 1024;
/** Who is asking, for Kolada's operators: the product and where to read about it. */
export const KOLADA_USER_AGENT = 'Malbild/0.1 (uppfoljning for regioner och kommuner; node)';

// Our validator (lib/validate.ts) answers 400 with the project's error shape; without this the OpenAPI
// document shows hono-openapi's default `{ success, error: [], data }` instead. The `$schema` marker goes:
// toJsonSchema says draft-07, while OpenAPI 3.1 schemas are JSON Schema 2020-12.
const { $schema: _draft07, ...apiErrorJsonSchema } = toJsonSchema(ApiErrorSchema);
const INVALID_INPUT_RESPONSE = {
  description: 'Ogiltig förfrågan',
  content: { 'application/json': { schema: apiErrorJsonSchema } },
} as Exclude<GenerateSpecOptions['defaultValidationErrorResponse'], boolean>;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function buildApi() {
  return new Hono<AppEnv>()
    .route('/health', healthRoutes)
    .route('/ready', readyRoutes)
    .route('/accessibility', accessibilityRoutes)
    .route('/auth', authRoutes)
    .route('/auth/oidc', oidcRoutes)
    .route('/plans', planRoutes)
    .route('/plans', reportRoutes)
    .route('/plans', meetingRoutes)
    .route('/plans', planKoladaRoutes)
    .route('/kolada', koladaRoutes)
    .route('/goals', goalRoutes)
    .route('/indicators', indicatorRoutes)
    .route('/indicators', indicatorKoladaRoutes)
    .route('/activities', activityRoutes)
    .route('/sync', syncRoutes)
    .route('/admin', adminRoutes);
}

export type AppType = ReturnType<typeof buildApi>;

export function createApp({ db, clientDir, loginAttemptsPerMinute = 30, trustProxy = false, settings = {}, kolada: sharedKolada }: AppOptions) {
  const serverSettings: ServerSettings = { chromiumPath: '/usr/bin/chromium', mailEnabled: false, koladaUrl: 'https://api.kolada.se/v3', oidc: null, passwordLogin: true, accessibility: { organisation: null, contact: null }, ...settings };
  const oidc = serverSettings.oidc ? new OidcClient(serverSettings.oidc) : null;
  const kolada = sharedKolada ?? new KoladaClient({ baseUrl: serverSettings.koladaUrl, userAgent: KOLADA_USER_AGENT });
  const api = buildApi();
  api.get(
    '/openapi.json',
    authorize('signedIn'),
    openAPIRouteHandler(api, {
      documentation: {
        info: { title: 'Målbild API', version: '1', description: 'Mål, indikatorer, utfall och aktiviteter, med synk för offline-klienter.' },
        servers: [{ url: '/api' }],
      },
      defaultValidationErrorResponse: INVALID_INPUT_RESPONSE,
      // The plan template and exports are files under routes of their own, not static files to leave out.
      excludeStaticFile: false,
    }),
  );
  api.all('*', authorize('signedIn'), () => fail(404, 'not_found', 'Det finns ingen sådan adress i API:et.'));

  const loginLimiter = createAddressLimiter(db, loginAttemptsPerMinute);
  const accessCache = new AccessCache();
  const pullCache = new PullCache();
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('*', requestLog(trustProxy));
  app.use('*', async (c, next) => {
    const client = readRequestClient(c, trustProxy);
    c.set('client', client);
    c.set('secureCookies', client.scheme === 'https' || !LOCAL_HOSTS.has(client.host.replace(/:\d+$/, '')));
    await next();
  });
  app.use('*', securityHeaders);
  app.use('*', strictTransport);
  // A page of the pull is megabytes of repetitive JSON: a phone downloads a fraction of it compressed.
  app.use('*', compression());
  app.use('/api/*', async (c, next) => {
    c.set('db', db);
    c.set('loginLimiter', loginLimiter);
    c.set('accessCache', accessCache);
    c.set('pullCache', pullCache);
    c.set('settings', serverSettings);
    c.set('kolada', kolada);
    c.set('oidc', oidc);
    c.header('Cache-Control', 'no-store');
    const device = c.req.header('x-device-id');
    if (device !== undefined && !DEVICE_ID_PATTERN.test(device)) return fail(400, 'invalid_input', 'Ogiltigt enhets-id (X-Device-Id).');
    await next();
    // Again after the handler: an answer built outside this context (a library's) must not be cached either.
    setAnswerHeader(c, 'Cache-Control', 'no-store');
  });
  const limit = bodyLimit({ maxSize: BODY_LIMIT, onError: () => fail(413, 'too_large', 'Förfrågan är för stor (högst 1 MB).') });
  // A plan file may be larger; its route sets its own limit. A GET's body is never read, and looking for
  // one would make @hono/node-server build a whole web Request for every "anything new?" pull.
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path === '/api/plans/import' ? next() : limit(c, next)));
  app.use('/api/*', rejectCrossSite);
  app.use('/api/*', enforceRules);
  app.route('/api', api);

  if (clientDir && existsSync(clientDir)) {
    // Hashed build assets never change under their name; the shell (index.html, sw.js, the manifest)
    // must always revalidate, or a browser could keep an old one by its own guess.
    app.use('*', async (c, next) => {
      await next();
      if (c.req.path.startsWith('/api/')) return;
      setAnswerHeader(c, 'Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
    // The build writes brotli and gzip copies of its text files (build/precompress.ts): sent as they are to a
    // browser that accepts them, so nothing is compressed per request and brotli is at its smallest.
    app.use('*', serveStatic({ root: clientDir, precompressed: true }));
    app.get('*', serveStatic({ root: clientDir, path: 'index.html', precompressed: true }));
  }
  return app;
}
