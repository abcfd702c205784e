import { existsSync } from 'node:fs';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { openAPIRouteHandler } from 'hono-openapi';
import type { Database } from './db/database.ts';
import type { AppEnv } from './lib/appEnv.ts';
import { fail, handleError } from './lib/errors.ts';
import { activityRoutes } from './routes/activities.ts';
import { goalRoutes } from './routes/goals.ts';
import { healthRoutes } from './routes/health.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { planRoutes } from './routes/plans.ts';
import { syncRoutes } from './routes/sync.ts';

export interface AppOptions {
  db: Database;
  /** The built client to serve next to the API; null serves the API only (tests, `npm run dev`). */
  clientDir: string | null;
}

const BODY_LIMIT = 1024 * 1024;

function buildApi() {
  return new Hono<AppEnv>()
    .route('/health', healthRoutes)
    .route('/plans', planRoutes)
    .route('/goals', goalRoutes)
    .route('/indicators', indicatorRoutes)
    .route('/activities', activityRoutes)
    .route('/sync', syncRoutes);
}

export type AppType = ReturnType<typeof buildApi>;

export function createApp({ db, clientDir }: AppOptions) {
  const api = buildApi();
  api.get(
    '/openapi.json',
    openAPIRouteHandler(api, {
      documentation: {
        info: { title: 'Målbild API', version: '1', description: 'Mål, indikatorer, utfall och aktiviteter, med synk för offline-klienter.' },
        servers: [{ url: '/api' }],
      },
    }),
  );
  api.all('*', () => fail(404, 'not_found', 'Det finns ingen sådan adress i API:et.'));

  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('/api/*', async (c, next) => {
    c.set('db', db);
    await next();
  });
  app.use('/api/*', bodyLimit({ maxSize: BODY_LIMIT, onError: () => fail(413, 'too_large', 'Förfrågan är för stor (högst 1 MB).') }));
  app.route('/api', api);

  if (clientDir && existsSync(clientDir)) {
    // Hashed build assets never change under their name; the shell and service worker must always revalidate.
    app.use('/assets/*', async (c, next) => {
      await next();
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: clientDir }));
    app.get('*', serveStatic({ root: clientDir, path: 'index.html' }));
  }
  return app;
}
