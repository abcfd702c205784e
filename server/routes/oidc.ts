import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { describeRoute } from 'hono-openapi';
import { inAppPath } from '@shared/logic/returnPath.ts';
import type { SignInError } from '@shared/schemas/signIn.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { audit } from '../lib/audit.ts';
import { authorize } from '../lib/authorize.ts';
import { SIGN_IN_MINUTES, SignInFailure, type ProvenPerson } from '../lib/identity/oidc.ts';
import { admitPerson } from '../lib/identity/oidcUsers.ts';
import { log } from '../lib/log.ts';
import { createSession, endSession, SESSION_COOKIE } from '../lib/session.ts';
import { setSessionCookie } from '../lib/sessionCookie.ts';

/** The state of the browser's own sign-in on its way, so that only the browser that set out can come back with it. */
const STATE_COOKIE = 'malbild_oidc';
const COOKIE_PATH = '/api/auth/oidc';
/** Refusals that name a person the provider vouched for, and so belong in the audit trail. */
const AUDITED: ReadonlySet<SignInError> = new Set(['refused', 'inactive', 'no_email', 'taken', 'config']);

const query = (name: string, description: string) => ({ in: 'query' as const, name, required: false, description, schema: { type: 'string' as const } });
const doc = (summary: string, parameters: ReturnType<typeof query>[]) =>
  describeRoute({ summary, tags: ['inloggning'], parameters, responses: { 302: { description: 'Vidare: till leverantören, in i appen, eller till inloggningen med felets kod (?fel=…)' } } });

/** Back to the sign-in screen, which says in words what the code means. Never a 5xx: this is a page the person sees. */
const toSignIn = (c: Context<AppEnv>, code: SignInError) => c.redirect(`/logga-in?fel=${code}`, 302);

function failed(c: Context<AppEnv>, error: unknown, person?: ProvenPerson) {
  if (error instanceof SignInFailure) return toSignIn(c, error.code);
  log().error({ err: error, reqId: c.get('requestId'), identified: person !== undefined }, 'OIDC: inloggningen misslyckades');
  return toSignIn(c, 'failed');
}

export const oidcRoutes = new Hono<AppEnv>()
  .get(
    '/start',
    doc('Sign in through the region’s identity provider: sends the browser there (authorization code with PKCE, state and nonce)', [query('till', 'Where in the app to go afterwards')]),
    authorize('public'),
    async (c) => {
      const oidc = c.var.oidc;
      if (!oidc) return toSignIn(c, 'off');
      try {
        // A sign-in begun is a row written: counted like a password attempt.
        if (!(await c.var.loginLimiter(c.var.client.address))) return toSignIn(c, 'rate_limited');
        const { url, state } = await oidc.begin(c.var.db, inAppPath(c.req.query('till')));
        setCookie(c, STATE_COOKIE, state, { httpOnly: true, secure: c.var.secureCookies, sameSite: 'Lax', path: COOKIE_PATH, maxAge: SIGN_IN_MINUTES * 60 });
        return c.redirect(url.href, 302);
      } catch (error) {
        return failed(c, error);
      }
    },
  )
  .get(
    '/callback',
    doc('Where the identity provider sends the browser back: checks the state, exchanges the code, matches the person and starts a session', [
      query('code', 'The provider’s authorization code'),
      query('state', 'The state the sign-in began with'),
      query('iss', 'The provider’s issuer (RFC 9207)'),
      query('error', 'The provider’s error, when it refused or the person cancelled'),
    ]),
    authorize('public'),
    async (c) => {
      const browserState = getCookie(c, STATE_COOKIE);
      deleteCookie(c, STATE_COOKIE, { path: COOKIE_PATH, secure: c.var.secureCookies, httpOnly: true, sameSite: 'Lax' });
      const oidc = c.var.oidc;
      if (!oidc) return toSignIn(c, 'off');
      const db = c.var.db;
      let finished: Awaited<ReturnType<typeof oidc.finish>>;
      try {
        finished = await oidc.finish(db, { query: new URL(c.req.url).search.slice(1), browserState });
      } catch (error) {
        return failed(c, error);
      }
      const { person, returnPath } = finished;
      try {
        const token = await db.transaction(async (tx) => {
          const { user, created } = await admitPerson(tx, oidc.settings, person);
          const actor = { id: user.id, name: user.name };
          if (created) {
            await audit(tx, c, { action: 'user.create', entity: 'user', recordId: user.id, actor, detail: { email: created.email, via: 'oidc' } });
            await audit(tx, c, { action: 'grant.add', entity: 'user', recordId: user.id, unitId: created.unitId, actor, detail: { userId: user.id, role: created.role, includeSubunits: true, via: 'oidc' } });
          }
          // Whoever was signed in on this browser before is not any longer.
          const previous = getCookie(c, SESSION_COOKIE);
          if (previous) await endSession(tx, previous);
          const session = await createSession(tx, user.id, person.idToken);
          await audit(tx, c, { action: 'login', entity: 'user', recordId: user.id, actor, detail: { method: 'oidc' } });
          return session;
        });
        setSessionCookie(c, token);
        return c.redirect(returnPath, 302);
      } catch (error) {
        if (error instanceof SignInFailure && AUDITED.has(error.code)) {
          await db
            .transaction((tx) => audit(tx, c, { action: 'login.refused', actor: { id: null, name: person.identity }, detail: { method: 'oidc', reason: error.code, claim: oidc.settings.claim } }))
            .catch((auditError: unknown) => log().error({ err: auditError }, 'OIDC: nekad inloggning kunde inte loggas'));
        }
        return failed(c, error, person);
      }
    },
  );
