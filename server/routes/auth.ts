import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { describeRoute } from 'hono-openapi';
import type { SignInMethods } from '@shared/schemas/signIn.ts';
import { ChangeOwnPasswordSchema, LoginSchema, type Me, type MeResponse } from '@shared/schemas/user.ts';
import { setPasswordHash } from '../db/users.ts';
import { loadAccess, type Access } from '../lib/access.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { audit } from '../lib/audit.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { fail } from '../lib/errors.ts';
import { passwordProvider } from '../lib/identity/passwordProvider.ts';
import { clearFailures, lockedMinutes, LOCK_MINUTES, recordFailure } from '../lib/loginThrottle.ts';
import { hashPassword } from '../lib/passwords.ts';
import { createSession, endOtherSessions, endSession, readSession, SESSION_COOKIE } from '../lib/session.ts';
import { clearSessionCookie, setSessionCookie } from '../lib/sessionCookie.ts';
import { validate } from '../lib/validate.ts';

export function meOf(access: Access): Me {
  const { id, name, email, grants } = access.user;
  return { id, name, email, grants, isAdmin: access.isAdmin, writableUnitIds: [...access.writableUnitIds], plannableUnitIds: [...access.plannableUnitIds], minutesWritableUnitIds: [...access.minutesWritableUnitIds] };
}

const doc = (summary: string) => describeRoute({ summary, tags: ['inloggning'], responses: { 200: { description: 'OK' } } });

// Deliberately the same words for an unknown e-mail and a wrong password.
const WRONG = 'Fel e-postadress eller lösenord.';
const passwordOff = (c: Context<AppEnv>) =>
  fail(403, 'password_off', `Inloggning med lösenord är avstängd. Logga in med ${c.var.settings.oidc?.displayName ?? 'regionens inloggning'}.`);
const lockedMessage = (minutes: number) => `För många misslyckade inloggningar. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`;

export const authRoutes = new Hono<AppEnv>()
  .get('/methods', doc('Which ways of signing in are on: password, and the region’s identity provider with its name'), authorize('public'), (c) => {
    const { passwordLogin, oidc } = c.var.settings;
    return c.json({ password: passwordLogin, oidc: oidc ? { name: oidc.displayName } : null } satisfies SignInMethods, 200);
  })
  .post('/login', doc('Sign in with e-mail and password; sets the session cookie'), authorize('public'), validate('json', LoginSchema), async (c) => {
    if (!c.var.settings.passwordLogin) return passwordOff(c);
    const { email, password } = c.req.valid('json');
    const db = c.var.db;
    const { address } = c.var.client;
    if (!(await c.var.loginLimiter(address))) return fail(429, 'rate_limited', 'För många inloggningsförsök. Vänta en minut och försök igen.');
    const locked = await lockedMinutes(db, email, address);
    if (locked > 0) {
      await db.transaction((tx) => audit(tx, c, { action: 'login.locked', actor: { id: null, name: email }, detail: { email } }));
      return fail(429, 'locked', lockedMessage(locked));
    }
    const proven = await passwordProvider.authenticate(db, { email, secret: password });
    if (!proven) {
      await db.transaction(async (tx) => {
        await recordFailure(tx, email, address);
        await audit(tx, c, { action: 'login.failed', actor: { id: null, name: email }, detail: { email, lockMinutes: LOCK_MINUTES } });
      });
      return fail(401, 'invalid_credentials', WRONG);
    }
    const token = await db.transaction(async (tx) => {
      await clearFailures(tx, email);
      const session = await createSession(tx, proven.userId);
      const [user] = await tx.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [proven.userId]);
      await audit(tx, c, { action: 'login', entity: 'user', recordId: proven.userId, actor: { id: proven.userId, name: user?.name ?? email }, detail: { method: 'password' } });
      return session;
    });
    setSessionCookie(c, token);
    const session = await readSession(db, token);
    return c.json({ user: meOf(await loadAccess(db, session!.user)) }, 200);
  })
  .post('/logout', doc('Sign out: ends the session on the server; after a sign-in through the identity provider, answers where to end its session too'), authorize('signedIn'), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const access = accessOf(c);
    const { idToken } = await c.var.db.transaction(async (tx) => {
      const ended = token ? await endSession(tx, token) : { idToken: null };
      await audit(tx, c, { action: 'logout', entity: 'user', recordId: access.user.id });
      return ended;
    });
    clearSessionCookie(c);
    const endSessionUrl = idToken && c.var.oidc ? await c.var.oidc.endSessionUrl(idToken) : null;
    return endSessionUrl ? c.json({ endSessionUrl }, 200) : c.body(null, 204);
  })
  .post('/logout-others', doc('Sign out every other device: ends all of the person’s sessions but this one'), authorize('signedIn'), async (c) => {
    const access = accessOf(c);
    const ended = await c.var.db.transaction(async (tx) => {
      const count = await endOtherSessions(tx, access.user.id, getCookie(c, SESSION_COOKIE) ?? '');
      await audit(tx, c, { action: 'logout.others', entity: 'user', recordId: access.user.id, detail: { sessions: count } });
      return count;
    });
    return c.json({ ended }, 200);
  })
  .put('/password', doc('Change one’s own password (the current one required); the person’s other sessions end'), authorize('signedIn'), validate('json', ChangeOwnPasswordSchema), async (c) => {
    if (!c.var.settings.passwordLogin) return passwordOff(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const db = c.var.db;
    const access = accessOf(c);
    const { email } = access.user;
    const { address } = c.var.client;
    // Guessing the current password here is guessing a sign-in: the same limits and lock apply.
    if (!(await c.var.loginLimiter(address))) return fail(429, 'rate_limited', 'För många försök. Vänta en minut och försök igen.');
    const locked = await lockedMinutes(db, email, address);
    if (locked > 0) return fail(429, 'locked', lockedMessage(locked));
    if (!(await passwordProvider.authenticate(db, { email, secret: currentPassword }))) {
      await db.transaction(async (tx) => {
        await recordFailure(tx, email, address);
        await audit(tx, c, { action: 'user.password.failed', entity: 'user', recordId: access.user.id });
      });
      return fail(400, 'wrong_password', 'Det nuvarande lösenordet stämmer inte.');
    }
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await setPasswordHash(tx, access.user.id, passwordHash);
      await clearFailures(tx, email);
      await endOtherSessions(tx, access.user.id, getCookie(c, SESSION_COOKIE) ?? '');
      await audit(tx, c, { action: 'user.password.own', entity: 'user', recordId: access.user.id });
    });
    return c.body(null, 204);
  })
  // Public: "nobody" is `{ user: null }` with 200. Every other route still answers 401 without a session.
  .get('/me', doc('The signed-in person, their grants and where they may write; `user` is null when nobody is signed in'), authorize('public'), (c) => {
    const access = c.var.access;
    return c.json({ user: access ? meOf(access) : null } satisfies MeResponse, 200);
  });
