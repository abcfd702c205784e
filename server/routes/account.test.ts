import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { createApp } from '../app.ts';
import { insertGrant, insertUser } from '../db/users.ts';
import { MAX_FAILURES } from '../lib/loginThrottle.ts';
import { hashPassword } from '../lib/passwords.ts';

/**
 * What a person's own account can do, and what nobody can do to it: a sign-in lock that only locks the
 * address the guesses came from, lifted by an administrator or a new password; changing one's own
 * password; signing out one's other devices.
 */
const PASSWORD = 'ett-långt-och-hemligt-lösenord';
let t: TestApp;
let proxied: ReturnType<typeof createApp>;
let hash: string;

beforeAll(async () => {
  t = await openTestApp();
  // Behind the region's proxy, which says who the browser is; requests here come from it.
  proxied = createApp({ db: t.db, clientDir: null, trustProxy: true });
  hash = await hashPassword(PASSWORD);
});
afterAll(() => t.close());

async function account() {
  const email = `${randomUUID()}@malbild.test`;
  const userId = await insertUser(t.db, { name: 'Test Person', email, passwordHash: hash });
  await insertGrant(t.db, userId, { unitId: randomUUID(), role: 'läsare', includeSubunits: true });
  return { email, userId };
}

const loginFrom = (address: string, email: string, password: string) =>
  proxied.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;
const guess = async (address: string, email: string) => {
  for (let i = 0; i < MAX_FAILURES; i++) expect((await loginFrom(address, email, 'fel-lösenord')).status).toBe(401);
};

describe('the sign-in lock', () => {
  it('locks the e-mail only for the address the wrong passwords came from', async () => {
    const { email } = await account();
    await guess('203.0.113.5', email);
    expect((await loginFrom('203.0.113.5', email, PASSWORD)).status).toBe(429);
    expect((await loginFrom('198.51.100.7', email, PASSWORD)).status, 'the person signs in from their own address').toBe(200);
  });

  it('counts every request as one address when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    const { email } = await account();
    for (let i = 0; i < MAX_FAILURES; i++) {
      await t.anonymous.request('/api/auth/login', { method: 'POST', headers: { 'x-forwarded-for': `192.0.2.${i}` }, body: JSON.stringify({ email, password: 'fel' }) });
    }
    const locked = await t.anonymous.request('/api/auth/login', { method: 'POST', headers: { 'x-forwarded-for': '192.0.2.200' }, body: JSON.stringify({ email, password: PASSWORD }) });
    expect(locked.status).toBe(429);
  });

  it('is shown to an administrator, who can lift it', async () => {
    const { email, userId } = await account();
    await guess('203.0.113.9', email);
    const { body } = await t.json('/api/admin/lockouts');
    expect(body.lockouts).toContainEqual({ email, userId, userName: 'Test Person', addresses: 1, minutesLeft: expect.any(Number) });
    expect((await t.request(`/api/admin/users/${userId}/unlock`, { method: 'POST' })).status).toBe(204);
    expect((await loginFrom('203.0.113.9', email, PASSWORD)).status).toBe(200);
    expect((await t.json('/api/admin/lockouts')).body.lockouts.map((l: { email: string }) => l.email)).not.toContain(email);
  });

  it('is lifted when an administrator sets a new password', async () => {
    const { email, userId } = await account();
    await guess('203.0.113.10', email);
    const fresh = 'ett-helt-nytt-lösenord';
    expect((await t.request(`/api/admin/users/${userId}/password`, { method: 'PUT', body: JSON.stringify({ password: fresh }) })).status).toBe(204);
    expect((await loginFrom('203.0.113.10', email, fresh)).status).toBe(200);
  });
});

describe('a person’s own account', () => {
  it('changes its password with the current one, and signs out the person’s other devices but not this one', async () => {
    const { email } = await account();
    const phone = t.withCookie(cookieOf(await loginFrom('198.51.100.1', email, PASSWORD)));
    const laptop = t.withCookie(cookieOf(await loginFrom('198.51.100.2', email, PASSWORD)));
    const wrong = await phone.json('/api/auth/password', { method: 'PUT', body: JSON.stringify({ currentPassword: 'gissning', newPassword: 'ett-nytt-långt-lösenord' }) });
    expect(wrong).toEqual({ status: 400, body: { error: { code: 'wrong_password', message: 'Det nuvarande lösenordet stämmer inte.' } } });
    const changed = await phone.request('/api/auth/password', { method: 'PUT', body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'ett-nytt-långt-lösenord' }) });
    expect(changed.status).toBe(204);
    expect((await phone.request('/api/auth/me')).status).toBe(200);
    expect((await laptop.json('/api/auth/me')).body).toEqual({ user: null });
    expect((await loginFrom('198.51.100.3', email, PASSWORD)).status).toBe(401);
    expect((await loginFrom('198.51.100.3', email, 'ett-nytt-långt-lösenord')).status).toBe(200);
  });

  it('refuses a new password too short, in Swedish, without echoing it', async () => {
    const { email } = await account();
    const phone = t.withCookie(cookieOf(await loginFrom('198.51.100.4', email, PASSWORD)));
    const { status, body } = await phone.json('/api/auth/password', { method: 'PUT', body: JSON.stringify({ currentPassword: PASSWORD, newPassword: 'kort' }) });
    expect(status).toBe(400);
    expect(body.error.message).toBe('Fältet newPassword: Lösenordet måste ha minst 10 tecken.');
  });

  it('locks guessing the current password like guessing a sign-in', async () => {
    const { email } = await account();
    const cookie = cookieOf(await loginFrom('198.51.100.5', email, PASSWORD));
    const change = (current: string) =>
      proxied.request('/api/auth/password', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie, 'x-forwarded-for': '198.51.100.5', 'sec-fetch-site': 'same-origin' },
        body: JSON.stringify({ currentPassword: current, newPassword: 'ett-nytt-långt-lösenord' }),
      });
    for (let i = 0; i < MAX_FAILURES; i++) expect((await change(`gissning-${i}`)).status).toBe(400);
    expect((await change(PASSWORD)).status).toBe(429);
  });

  it('signs out every other device on request', async () => {
    const { email } = await account();
    const phone = t.withCookie(cookieOf(await loginFrom('198.51.100.6', email, PASSWORD)));
    const tablet = t.withCookie(cookieOf(await loginFrom('198.51.100.6', email, PASSWORD)));
    const laptop = t.withCookie(cookieOf(await loginFrom('198.51.100.6', email, PASSWORD)));
    expect(await phone.json('/api/auth/logout-others', { method: 'POST' })).toEqual({ status: 200, body: { ended: 2 } });
    expect((await phone.request('/api/auth/me')).status).toBe(200);
    expect((await tablet.json('/api/auth/me')).body).toEqual({ user: null });
    expect((await laptop.json('/api/auth/me')).body).toEqual({ user: null });
  });
});
