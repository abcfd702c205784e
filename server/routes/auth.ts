import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { describeRoute } from 'hono-openapi';
import { LoginSchema, type Me } from '@shared/schemas/user.ts';
import { loadAccess, type Access } from '../lib/access.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { addressOf, audit } from '../lib/audit.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { fail } from '../lib/errors.ts';
import { passwordProvider } from '../lib/identity/passwordProvider.ts';
import { clearFailures, lockedMinutes, LOCK_MINUTES, recordFailure } from '../lib/loginThrottle.ts';
import { createSession, endSession, readSession, SESSION_COOKIE } from '../lib/session.ts';
import { clearSessionCookie, setSessionCookie } from '../lib/sessionCookie.ts';
import { validate } from '../lib/validate.ts';

export function meOf(access: Access): Me {
  const { id, name, email, grants } = access.user;
  return { id, name, email, grants, isAdmin: access.isAdmin, writableUnitIds: [...access.writableUnitIds] };
}

const doc = (summary: string) => describeRoute({ summary, tags: ['inloggning'], responses: { 200: { description: 'OK' } } });

// Deliberately the same words for an unknown e-mail and a wrong password.
const WRONG = 'Fel e-postadress eller lösenord.';

export const authRoutes = new Hono<AppEnv>()
  .post('/login', doc('Sign in with e-mail and password; sets the session cookie'), authorize('public'), validate('json', LoginSchema), async (c) => {
    const { email, password } = c.req.valid('json');
    const db = c.var.db;
    if (!c.var.loginLimiter(addressOf(c))) return fail(429, 'rate_limited', 'För många inloggningsförsök. Vänta en minut och försök igen.');
    const locked = await lockedMinutes(db, email);
    if (locked > 0) {
      await db.transaction((tx) => audit(tx, c, { action: 'login.locked', actor: { id: null, name: email }, detail: { email } }));
      return fail(429, 'locked', `För många misslyckade inloggningar. Försök igen om ${locked} ${locked === 1 ? 'minut' : 'minuter'}.`);
    }
    const proven = await passwordProvider.authenticate(db, { email, secret: password });
    if (!proven) {
      await db.transaction(async (tx) => {
        await recordFailure(tx, email);
        await audit(tx, c, { action: 'login.failed', actor: { id: null, name: email }, detail: { email, lockMinutes: LOCK_MINUTES } });
      });
      return fail(401, 'invalid_credentials', WRONG);
    }
    const token = await db.transaction(async (tx) => {
      await clearFailures(tx, email);
      const session = await createSession(tx, proven.userId);
      const [user] = await tx.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [proven.userId]);
      await audit(tx, c, { action: 'login', entity: 'user', recordId: proven.userId, actor: { id: proven.userId, name: user?.name ?? email } });
      return session;
    });
    setSessionCookie(c, token);
    const session = await readSession(db, token);
    return c.json({ user: meOf(await loadAccess(db, session!.user)) }, 200);
  })
  .post('/logout', doc('Sign out: ends the session on the server'), authorize('signedIn'), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const access = accessOf(c);
    await c.var.db.transaction(async (tx) => {
      if (token) await endSession(tx, token);
      await audit(tx, c, { action: 'logout', entity: 'user', recordId: access.user.id });
    });
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .get('/me', doc('The signed-in person, their grants and where they may write'), authorize('signedIn'), (c) =>
    c.json({ user: meOf(accessOf(c)) }, 200),
  );
