import { randomUUID } from 'node:crypto';
import type { Me } from '@shared/schemas/user.ts';
import { openDeviceDb, type MalbildDb } from '../../client/db/database.ts';
import { deviceIdOf } from '../../client/sync/deviceId.ts';
import type { Author } from '../../client/sync/outbox.ts';
import type { FetchPage } from '../../client/sync/pull.ts';
import type { SendBatch } from '../../client/sync/push.ts';
import { serverPageFetcher } from '../../client/sync/serverPull.ts';
import { serverSender, type Transport } from '../../client/sync/serverPush.ts';

/** Signs in over HTTP as a person's browser does and returns the session cookie the server set. */
export async function signIn(baseURL: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('malbild_session='));
  if (!cookie) throw new Error('the sign-in set no session cookie');
  return cookie.split(';')[0]!;
}

/**
 * What the browser adds to the app's relative `/api/...` requests: the server's address and the session
 * cookie. `baseURL` is read on every request, so a server that comes back elsewhere is followed.
 */
export function cookieTransport(baseURL: () => string, cookie: string, inner: typeof fetch = fetch): Transport {
  return (input, init = {}) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url;
    const headers = new Headers(init.headers);
    headers.set('cookie', cookie);
    headers.set('origin', new URL(baseURL()).origin);
    return inner(new URL(path, baseURL()), { ...init, headers });
  };
}

/** One simulated device: its own IndexedDB (fake-indexeddb), device id and signed-in person, and the real sync modules over HTTP. */
export interface HttpDevice {
  name: string;
  db: MalbildDb;
  deviceId: string;
  author: Author;
  transport: Transport;
  send: SendBatch;
  fetchPage: FetchPage;
}

export async function httpDevice(name: string, transport: Transport): Promise<HttpDevice> {
  const response = await transport('/api/auth/me', {});
  if (!response.ok) throw new Error(`${name}: /api/auth/me answered ${response.status}`);
  const { user } = (await response.json()) as { user: Me | null };
  if (!user) throw new Error(`${name}: nobody is signed in`);
  const db = openDeviceDb(`${name}-${randomUUID()}`);
  const deviceId = await deviceIdOf(db);
  return {
    name,
    db,
    deviceId,
    author: { id: user.id, name: user.name },
    transport,
    send: serverSender(deviceId, transport),
    fetchPage: serverPageFetcher(transport),
  };
}
