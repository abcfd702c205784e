import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reopenableTestDatabase } from '../../tests/fixtures/testDb.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { insertGrant, insertUser } from '../db/users.ts';
import { loadDemoIfEmpty } from '../demo/loadDemo.ts';
import { MAX_FAILURES } from '../lib/loginThrottle.ts';
import { hashPassword } from '../lib/passwords.ts';

const PASSWORD = 'ett-långt-och-hemligt-lösenord';
let t: TestApp;
let hash: string;
let units: Record<string, string>;

beforeAll(async () => {
  t = await openTestApp();
  await loadDemoIfEmpty(t.db);
  hash = await hashPassword(PASSWORD);
  const rows = await t.db.query<{ id: string; key: string }>(`SELECT id, data->>'key' AS key FROM records WHERE entity = 'unit'`);
  units = Object.fromEntries(rows.map((row) => [row.key, row.id]));
});
afterAll(() => t.close());

async function account(role: 'rapportör' | 'läsare' | 'administratör' = 'läsare', unitKey = 'bup') {
  const email = `${randomUUID()}@malbild.test`;
  const userId = await insertUser(t.db, { name: 'Test Person', email, passwordHash: hash });
  await insertGrant(t.db, userId, { unitId: units[unitKey]!, role, includeSubunits: true });
  return { email, userId };
}

const login = (email: string, password: string, extra: RequestInit = {}) =>
  t.anonymous.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }), ...extra });
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

describe('signing in', () => {
  it('signs in with e-mail and password and sets a locked-down session cookie', async () => {
    const { email } = await account();
    const response = await login(email.toUpperCase(), PASSWORD);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^malbild_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=2592000/);
    const { body } = await t.withCookie(cookieOf(response)).json('/api/auth/me');
    expect(body.user).toMatchObject({ email, isAdmin: false, grants: [{ role: 'läsare', unitId: units.bup }] });
  });

  it('marks the cookie Secure outside localhost', async () => {
    const { email } = await account();
    const response = await t.app.request('https://malbild.regionvastmanland.se/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers a wrong password and an unknown e-mail with the same words', async () => {
    const { email } = await account();
    const wrong = await (await login(email, 'inte-lösenordet')).json();
    const unknown = await (await login(`${randomUUID()}@malbild.test`, PASSWORD)).json();
    expect(wrong).toEqual({ error: { code: 'invalid_credentials', message: 'Fel e-postadress eller lösenord.' } });
    expect(unknown).toEqual(wrong);
  });

  it('locks an address after repeated failures, whether or not the account exists, and says when to retry', async () => {
    const { email } = await account();
    const nobody = `${randomUUID()}@malbild.test`;
    for (let i = 0; i < MAX_FAILURES; i++) {
      await login(email, 'fel');
      await login(nobody, 'fel');
    }
    const locked = await login(email, PASSWORD);
    expect(locked.status).toBe(429);
    const lockedBody = await locked.json();
    expect(lockedBody.error.message).toMatch(/Försök igen om 1[45] minuter/);
    const lockedNobody = await (await login(nobody, PASSWORD)).json();
    expect(lockedNobody.error.message).toBe(lockedBody.error.message);
  });

  it('limits sign-in attempts per client address, counted across every server process on the database', async () => {
    // Two apps on one database are two server processes behind one proxy; the browser's address is its own.
    const [first, second] = [await openTestApp(t.db, { loginAttemptsPerMinute: 3, trustProxy: true }), await openTestApp(t.db, { loginAttemptsPerMinute: 3, trustProxy: true })];
    const browser = `2001:db8::${randomUUID().slice(0, 4)}`;
    const attempt = (app: typeof first, address: string) =>
      app.anonymous.request('/api/auth/login', { method: 'POST', headers: { 'x-forwarded-for': address }, body: JSON.stringify({ email: `${randomUUID()}@x.se`, password: 'x' }) });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(i % 2 === 0 ? first : second, browser)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await attempt(second, `${browser}:1`)).status, 'another address is not limited by this one').toBe(401);
  });

  it('refuses a deactivated account', async () => {
    const { email, userId } = await account();
    await t.json(`/api/admin/users/${userId}`, { method: 'PATCH', body: JSON.stringify({ active: false }) });
    expect((await login(email, PASSWORD)).status).toBe(401);
  });
});

describe('sessions', () => {
  it('ends on the server when the person signs out', async () => {
    const { email } = await account();
    const cookie = cookieOf(await login(email, PASSWORD));
    const me = t.withCookie(cookie);
    expect((await me.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(await me.json('/api/auth/me')).toEqual({ status: 200, body: { user: null } });
  });

  it('survives a server restart', async () => {
    const store = await reopenableTestDatabase();
    try {
      const first = await openTestApp(await store.open());
      const userId = await insertUser(first.db, { name: 'Omstart', email: 'omstart@malbild.test', passwordHash: hash });
      await insertGrant(first.db, userId, { unitId: randomUUID(), role: 'läsare', includeSubunits: true });
      const response = await first.anonymous.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'omstart@malbild.test', password: PASSWORD }) });
      const cookie = cookieOf(response);
      await first.close();

      const second = await openTestApp(await store.open());
      const { status, body } = await second.withCookie(cookie).json('/api/auth/me');
      expect(status).toBe(200);
      expect(body.user.email).toBe('omstart@malbild.test');
      await second.close();
    } finally {
      await store.remove();
    }
  }, 30_000);

  it('are ended when an administrator deactivates the person', async () => {
    const { email, userId } = await account();
    const me = t.withCookie(cookieOf(await login(email, PASSWORD)));
    await t.json(`/api/admin/users/${userId}`, { method: 'PATCH', body: JSON.stringify({ active: false }) });
    expect(await me.json('/api/auth/me')).toEqual({ status: 200, body: { user: null } });
  });
});

describe('reporting rights', () => {
  const activityOf = async (unitKey: string) => {
    const [row] = await t.db.query<{ id: string; version: number }>(
      `SELECT id, version FROM records WHERE entity = 'activity' AND unit_id = $1 AND NOT deleted ORDER BY seq LIMIT 1`,
      [units[unitKey]],
    );
    return row!;
  };

  it('lets the BUP rapportör set a BUP activity to Försenad, and refuses one owned by another unit with 403', async () => {
    const { email } = await account('rapportör', 'bup');
    const bup = t.withCookie(cookieOf(await login(email, PASSWORD)));
    const own = await activityOf('bup');
    const set = await bup.json(`/api/activities/${own.id}/updates`, {
      method: 'POST',
      body: JSON.stringify({ status: 'Försenad', text: 'Rekryteringen drar ut på tiden.', baseVersion: own.version }),
    });
    expect(set.status).toBe(201);
    expect(set.body.activity).toMatchObject({ status: 'Försenad', latestComment: 'Rekryteringen drar ut på tiden.' });
    const { body: detail } = await bup.json(`/api/activities/${own.id}`);
    expect(detail.updates[0]).toMatchObject({ toStatus: 'Försenad', authorName: 'Test Person', text: 'Rekryteringen drar ut på tiden.' });

    const other = await activityOf('halso-och-sjukvardsforvaltningen');
    const refused = await bup.json(`/api/activities/${other.id}/updates`, { method: 'POST', body: JSON.stringify({ status: 'Klar', baseVersion: other.version }) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/behörighet/);
  });

  it('lets a rapportör of an område write for the units below it', async () => {
    const { email } = await account('rapportör', 'omrade-psykiatri-medicin-och-narsjukvard');
    const area = t.withCookie(cookieOf(await login(email, PASSWORD)));
    const bupActivity = await activityOf('bup');
    const { status } = await area.json(`/api/activities/${bupActivity.id}/updates`, { method: 'POST', body: JSON.stringify({ text: 'Område följer upp.', baseVersion: bupActivity.version }) });
    expect(status).toBe(201);
  });

  it('refuses a 20 000-character comment with a clear message', async () => {
    const own = await activityOf('bup');
    const { status, body } = await t.json(`/api/activities/${own.id}/updates`, { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(20_000), baseVersion: own.version }) });
    expect(status).toBe(400);
    expect(body.error.message).toBe('Fältet text: Högst 10000 tecken.');
  });

  it('refuses text PostgreSQL could not store with a 400, not a crash', async () => {
    const own = await activityOf('bup');
    const { status, body } = await t.json(`/api/activities/${own.id}/updates`, { method: 'POST', body: JSON.stringify({ text: 'före\u0000efter', baseVersion: own.version }) });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/ett tecken som inte kan sparas/);
  });

  it('asks for a reason when an activity is set to Försenad or Avbruten', async () => {
    const own = await activityOf('bup');
    const { status, body } = await t.json(`/api/activities/${own.id}/updates`, { method: 'POST', body: JSON.stringify({ status: 'Avbruten', baseVersion: own.version }) });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/kommentar om varför/);
  });
});

describe('web security', () => {
  it('rejects a cross-site POST even with a valid session cookie', async () => {
    const own = (await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'activity' LIMIT 1`))[0]!;
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const { status, body } = await t.json(`/api/activities/${own.id}/updates`, { method: 'POST', headers, body: JSON.stringify({ text: 'Hej', baseVersion: 1 }) });
      expect(status).toBe(403);
      expect(body.error.code).toBe('cross_site');
    }
  });

  it('refuses a 2 MB body with 413', async () => {
    const own = (await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'activity' LIMIT 1`))[0]!;
    const { status } = await t.json(`/api/activities/${own.id}/updates`, { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024), baseVersion: 1 }) });
    expect(status).toBe(413);
  });

  it('sends the security headers', async () => {
    const response = await t.anonymous.request('/api/health');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('answers 401 to anyone not signed in, except health and sign-in', async () => {
    expect((await t.anonymous.request('/api/health')).status).toBe(200);
    expect((await t.anonymous.request('/api/plans')).status).toBe(401);
    expect((await t.anonymous.request('/api/sync/pull')).status).toBe(401);
    expect((await t.anonymous.request('/api/finns-inte')).status).toBe(401);
  });
});

describe('the audit trail', () => {
  it('records sign-ins, failures and writes with who and from where, and cannot be changed', async () => {
    const { email, userId } = await account();
    await login(email, 'fel-lösenord');
    await login(email, PASSWORD, { headers: { 'user-agent': 'Testwebbläsare/1.0' } });
    const { body } = await t.json(`/api/admin/audit?userId=${userId}`);
    expect(body.entries.map((e: any) => e.action)).toEqual(['login']);
    expect(body.entries[0].client).toContain('Testwebbläsare/1.0');
    const failures = await t.db.query<{ user_name: string }>(`SELECT user_name FROM audit_log WHERE action = 'login.failed' AND user_name = $1`, [email]);
    expect(failures).toHaveLength(1);
    await expect(t.db.query('UPDATE audit_log SET action = $1', ['ändrad'])).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('filters by unit and date', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { body } = await t.json(`/api/admin/audit?unitId=${units.bup}&from=${today}&to=${today}`);
    expect(body.entries.length).toBeGreaterThan(0);
    expect(body.entries.every((e: any) => e.unitId === units.bup)).toBe(true);
    const { body: past } = await t.json(`/api/admin/audit?unitId=${units.bup}&to=2020-01-01`);
    expect(past.entries).toEqual([]);
  });
});
