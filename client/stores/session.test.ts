import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '@shared/schemas/user.ts';
import { deviceDb } from '../db/deviceDb.ts';
import { apiFetch, ApiRequestError, SESSION_LOST, sessionEvents } from '../http.ts';
import { useSessionStore } from './session.ts';

const unitId = randomUUID();
const person = (overrides: Partial<Me> = {}): Me => ({
  id: randomUUID(),
  name: 'Anna Andersson',
  email: 'anna@malbild.example',
  grants: [{ id: randomUUID(), unitId, role: 'rapportör', includeSubunits: true }],
  isAdmin: false,
  writableUnitIds: [unitId],
  plannableUnitIds: [],
  minutesWritableUnitIds: [],
  ...overrides,
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unauthenticated = () => json(401, { error: { code: 'unauthenticated', message: 'Du är inte inloggad. Logga in och försök igen.' } });
/** The server's answer to "who is signed in?" when nobody is: not an error. */
const nobody = () => json(200, { user: null });

type Handler = (path: string, init: RequestInit | undefined) => Response | Promise<Response>;
let server: Handler;
const calls: string[] = [];
const connection = { onLine: true };
const storage = new Map<string, string>();

beforeEach(async () => {
  calls.length = 0;
  storage.clear();
  connection.onLine = true;
  vi.stubGlobal('navigator', connection);
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    calls.push(`${init?.method ?? 'GET'} ${path}`);
    if (!connection.onLine) throw new TypeError('Failed to fetch');
    return server(path, init);
  });
  await deviceDb.delete({ disableAutoOpen: false });
  await deviceDb.open();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** The store as a fresh start of the app has it; the one before stops answering the app's events. */
let current: ReturnType<typeof useSessionStore> | null = null;
function freshSession() {
  current?.$dispose();
  setActivePinia(createPinia());
  current = useSessionStore();
  return current;
}

describe('the session store', () => {
  it('signs in, remembers the person on the device and sends the credentials as JSON', async () => {
    const anna = person();
    let sent: unknown;
    server = (path, init) => {
      sent = JSON.parse(String(init?.body));
      return path === '/api/auth/login' ? json(200, { user: anna }) : unauthenticated();
    };
    const session = freshSession();
    await session.login({ email: 'anna@malbild.example', password: 'demo-losenord-2026' });
    expect(sent).toEqual({ email: 'anna@malbild.example', password: 'demo-losenord-2026' });
    expect(session.me).toEqual(anna);
    expect((await deviceDb.meta.get('me'))?.value).toEqual(anna);
    expect((await deviceDb.meta.get('owner'))?.value).toBe(anna.id);
  });

  it("throws the server's message for a wrong password and stays signed out", async () => {
    server = () => json(401, { error: { code: 'invalid_credentials', message: 'Fel e-postadress eller lösenord.' } });
    const session = freshSession();
    const failure = await session.login({ email: 'anna@malbild.example', password: 'fel' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect((failure as ApiRequestError).message).toBe('Fel e-postadress eller lösenord.');
    expect(session.me).toBeNull();
  });

  it('reuses a load already on its way', async () => {
    const anna = person();
    server = () => json(200, { user: anna });
    const session = freshSession();
    const [first, second] = await Promise.all([session.load(), session.load()]);
    expect(first).toEqual(anna);
    expect(second).toEqual(anna);
    expect(calls.filter((call) => call === 'GET /api/auth/me')).toHaveLength(1);
    expect(session.checked).toBe(true);
  });

  it('opens offline for the person the server last confirmed, and not for an unchecked shape', async () => {
    const anna = person();
    await deviceDb.meta.put({ key: 'me', value: anna });
    connection.onLine = false;
    expect(await freshSession().load()).toEqual(anna);

    // The network is there but the request still fails (a captive portal, a dead zone in the basement).
    connection.onLine = true;
    server = () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await freshSession().load()).toEqual(anna);

    await deviceDb.meta.put({ key: 'me', value: { ...anna, writableUnitIds: 'everything' } as unknown as Me });
    connection.onLine = false;
    expect(await freshSession().load()).toBeNull();
  });

  it('forgets the person, but keeps the records, when the server says the session is gone', async () => {
    const anna = person();
    server = (path) => (path === '/api/auth/me' ? json(200, { user: anna }) : unauthenticated());
    const session = freshSession();
    await session.load();
    await deviceDb.plan.put({ id: randomUUID() } as never);

    const response = await apiFetch('/api/sync/pull?since=0');
    expect(response.status).toBe(401);
    expect(session.me).toBeNull();
    await vi.waitFor(async () => expect(await deviceDb.meta.get('me')).toBeUndefined());
    expect(await deviceDb.plan.count()).toBe(1);
    expect((await deviceDb.meta.get('owner'))?.value).toBe(anna.id);
  });

  it('forgets the person at start, but keeps the records, when the server says nobody is signed in', async () => {
    const anna = person();
    await deviceDb.meta.bulkPut([
      { key: 'me', value: anna },
      { key: 'owner', value: anna.id },
    ]);
    await deviceDb.plan.put({ id: randomUUID() } as never);
    server = nobody;
    const session = freshSession();
    expect(await session.load()).toBeNull();
    expect(session.checked).toBe(true);
    expect(await deviceDb.meta.get('me')).toBeUndefined();
    expect(await deviceDb.plan.count()).toBe(1);
    expect((await deviceDb.meta.get('owner'))?.value).toBe(anna.id);
  });

  it('reports a lost session when the server says nobody while someone was signed in', async () => {
    const anna = person();
    let signedIn = true;
    server = () => json(200, { user: signedIn ? anna : null });
    const session = freshSession();
    await session.load();
    let lost = 0;
    const count = () => void lost++;
    sessionEvents.addEventListener(SESSION_LOST, count);
    try {
      // A second start without anyone signed in is no loss; the same answer after a revoked session is.
      signedIn = false;
      expect(await session.load()).toBeNull();
      expect(lost).toBe(1);
      expect(await freshSession().load()).toBeNull();
      expect(lost).toBe(1);
    } finally {
      sessionEvents.removeEventListener(SESSION_LOST, count);
    }
  });

  it('empties the device when a different person signs in after a lost session', async () => {
    const anna = person();
    const bertil = person({ name: 'Bertil Berg', email: 'bertil@malbild.example' });
    await deviceDb.meta.bulkPut([{ key: 'owner', value: anna.id }]);
    await deviceDb.plan.put({ id: randomUUID() } as never);
    server = () => json(200, { user: bertil });
    await freshSession().login({ email: bertil.email, password: 'demo-losenord-2026' });
    expect(await deviceDb.plan.count()).toBe(0);
    expect((await deviceDb.meta.get('owner'))?.value).toBe(bertil.id);

    // The same person again keeps what the device holds.
    await deviceDb.plan.put({ id: randomUUID() } as never);
    await freshSession().login({ email: bertil.email, password: 'demo-losenord-2026' });
    expect(await deviceDb.plan.count()).toBe(1);
  });

  it('signs out: ends the session on the server and deletes everything on the device', async () => {
    const anna = person();
    server = (path) => (path === '/api/auth/logout' ? new Response(null, { status: 204 }) : json(200, { user: anna }));
    const session = freshSession();
    await session.load();
    await deviceDb.plan.put({ id: randomUUID() } as never);
    expect(await session.logout()).toEqual({ endSessionUrl: null });
    expect(calls).toContain('POST /api/auth/logout');
    expect(session.me).toBeNull();
    expect(await deviceDb.plan.count()).toBe(0);
    expect(await deviceDb.meta.count()).toBe(0);
    expect(storage.size).toBe(0);
  });

  it('signs out after a sign-in through the identity provider, and says where its session ends', async () => {
    const anna = person();
    const endSessionUrl = 'https://idp.region.example/session/end?id_token_hint=x.y.z';
    server = (path) => (path === '/api/auth/logout' ? json(200, { endSessionUrl }) : json(200, { user: anna }));
    const session = freshSession();
    await session.load();
    expect(await session.logout()).toEqual({ endSessionUrl });
    expect(session.me).toBeNull();
    expect(await deviceDb.meta.count()).toBe(0);
  });

  it('forgets a sign-out waiting for the network when the browser leaves to sign in at the provider', async () => {
    const anna = person();
    server = () => json(200, { user: anna });
    const session = freshSession();
    await session.load();
    connection.onLine = false;
    await session.logout();
    expect(storage.size).toBe(1);
    session.beforeProviderSignIn();
    // Back with a new session from the provider: nothing ends it.
    connection.onLine = true;
    calls.length = 0;
    expect((await freshSession().load())?.id).toBe(anna.id);
    expect(calls).toEqual(['GET /api/auth/me']);
  });

  it('signs out offline, and tells the server at the next start with network', async () => {
    const anna = person();
    server = () => json(200, { user: anna });
    const session = freshSession();
    await session.load();
    connection.onLine = false;
    await session.logout();
    expect(await deviceDb.meta.count()).toBe(0);
    expect(storage.size).toBe(1);

    // Still offline: nobody is signed in.
    expect(await freshSession().load()).toBeNull();

    // Online: the old session ends first, and the cookie it had no longer signs anyone in.
    connection.onLine = true;
    server = (path) => (path === '/api/auth/logout' ? new Response(null, { status: 204 }) : nobody());
    calls.length = 0;
    expect(await freshSession().load()).toBeNull();
    expect(calls).toEqual(['POST /api/auth/logout', 'GET /api/auth/me']);
    expect(storage.size).toBe(0);
  });
});
