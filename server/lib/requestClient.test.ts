import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { createApp } from '../app.ts';
import { insertGrant, insertUser } from '../db/users.ts';
import { hashPassword } from './passwords.ts';

/**
 * Behind the TLS-terminating proxy every region runs, the app learns the browser's scheme, host and
 * address from the proxy's headers, when (and only when) it is told to trust them: Secure cookies, HSTS,
 * the Origin check and the sign-in limits then follow the browser, not the proxy.
 */
const PASSWORD = 'ett-långt-och-hemligt-lösenord';
const PUBLIC = 'https://malbild.regionvastmanland.se';
let t: TestApp;
let email: string;
let activityPath: string;

beforeAll(async () => {
  t = await openTestApp();
  const plan = await importTestPlan(t.db);
  const activity = await plan.byKey('activity', 'webbtidbocker');
  activityPath = `/api/activities/${activity.id}/updates`;
  email = `${randomUUID()}@malbild.test`;
  const userId = await insertUser(t.db, { name: 'Rapportör bakom proxyn', email, passwordHash: await hashPassword(PASSWORD) });
  await insertGrant(t.db, userId, { unitId: activity.unitId, role: 'rapportör', includeSubunits: true });
});
afterAll(() => t.close());

/** What nginx sends on for a browser at `PUBLIC`: it speaks plain http to the app on localhost. */
const fromProxy = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'x-forwarded-for': '198.51.100.23',
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'malbild.regionvastmanland.se',
  ...extra,
});

async function signIn(app: ReturnType<typeof createApp>, headers: Record<string, string>) {
  const response = await app.request('http://127.0.0.1:8080/api/auth/login', { method: 'POST', headers, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(response.status).toBe(200);
  return response;
}

describe('with TRUST_PROXY on', () => {
  const app = () => createApp({ db: t.db, clientDir: null, trustProxy: true });

  it('sets a Secure cookie and HSTS for the browser’s https, though the proxy speaks http', async () => {
    const response = await signIn(app(), fromProxy({ origin: PUBLIC }));
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('accepts a write from the public origin and refuses one from anywhere else', async () => {
    const cookie = (await signIn(app(), fromProxy({ origin: PUBLIC }))).headers.get('set-cookie')!.split(';')[0]!;
    const write = (origin: string) =>
      app().request(`http://127.0.0.1:8080${activityPath}`, { method: 'POST', headers: fromProxy({ cookie, origin }), body: JSON.stringify({ text: `Från ${origin}`, baseVersion: 1 }) });
    expect((await write(PUBLIC)).status).toBe(201);
    expect((await write('http://malbild.regionvastmanland.se')).status).toBe(403);
    expect((await write('https://evil.example')).status).toBe(403);
  });

  it('reads RFC 7239 Forwarded as well', async () => {
    const response = await signIn(app(), { 'content-type': 'application/json', forwarded: 'for="[2001:db8::17]:4711";proto=https;host=malbild.regionvastmanland.se', origin: PUBLIC });
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('ignores a forwarded host that is not a host name', async () => {
    const response = await app().request('http://127.0.0.1:8080/api/auth/login', {
      method: 'POST',
      headers: fromProxy({ 'x-forwarded-host': 'evil.example/<script>', origin: 'https://evil.example/<script>' }),
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(403);
  });
});

describe('with TRUST_PROXY off (the default)', () => {
  const app = () => createApp({ db: t.db, clientDir: null });

  it('believes none of the forwarded headers: no HSTS over http, and the public origin is someone else’s', async () => {
    const response = await signIn(app(), fromProxy());
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const write = await app().request(`http://127.0.0.1:8080${activityPath}`, { method: 'POST', headers: fromProxy({ cookie, origin: PUBLIC }), body: JSON.stringify({ text: 'Hej', baseVersion: 1 }) });
    expect(write.status).toBe(403);
  });

  it('sends HSTS when the app itself is reached over https', async () => {
    const response = await app().request('https://malbild.regionvastmanland.se/api/health');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});

describe('a write that says nothing of where it comes from', () => {
  it('is refused when it carries the session cookie', async () => {
    const rapportör = await t.userWith('rapportör', randomUUID());
    const response = await t.app.request(activityPath, { method: 'POST', headers: { 'content-type': 'application/json', cookie: rapportör.cookie }, body: JSON.stringify({ text: 'Hej', baseVersion: 1 }) });
    expect(response.status).toBe(403);
    expect((await response.json()).error).toEqual({ code: 'cross_site', message: expect.stringMatching(/sa inte varifrån den kom/) });
  });

  it('is let through without a cookie (a script signing in), since there is no ambient session to abuse', async () => {
    const response = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    expect(response.status).toBe(200);
  });
});
