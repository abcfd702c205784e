import { afterEach, describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { apiFetch, ApiRequestError, requestJson, SESSION_LOST, sessionEvents } from './http.ts';

const respond = (status: number, body: unknown) => vi.stubGlobal('fetch', async () => Response.json(body, { status }));
const lostSessions = () => {
  const seen = { count: 0 };
  const listener = () => void seen.count++;
  sessionEvents.addEventListener(SESSION_LOST, listener);
  return { seen, stop: () => sessionEvents.removeEventListener(SESSION_LOST, listener) };
};

afterEach(() => vi.unstubAllGlobals());

describe('the API helper', () => {
  it('reports a lost session on a 401 from any call but signing in and out', async () => {
    const { seen, stop } = lostSessions();
    respond(401, { error: { code: 'unauthenticated', message: 'Du är inte inloggad.' } });
    await apiFetch('/api/auth/login', { method: 'POST' });
    await apiFetch('/api/auth/logout', { method: 'POST' });
    expect(seen.count).toBe(0);
    await apiFetch('/api/sync/pull?since=0');
    await apiFetch(new URL('http://localhost/api/admin/users'));
    expect(seen.count).toBe(2);
    stop();
  });

  it("throws the server's own message and code", async () => {
    vi.stubGlobal('navigator', { onLine: true });
    respond(429, { error: { code: 'locked', message: 'För många misslyckade inloggningar. Försök igen om 15 minuter.' } });
    const failure = await requestJson('POST', '/api/auth/login', v.unknown(), {}).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 429, code: 'locked', message: 'För många misslyckade inloggningar. Försök igen om 15 minuter.' });
  });

  it('checks answers against the schema and says so in Swedish when they do not fit', async () => {
    respond(200, { users: 'nope' });
    const failure = await requestJson('GET', '/api/admin/users', v.object({ users: v.array(v.string()) })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect((failure as ApiRequestError).code).toBe('unexpected_response');
  });

  it('tells offline from an unreachable server', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('navigator', { onLine: false });
    const failure = await requestJson('GET', '/api/auth/me', v.unknown()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 0, message: 'Ingen anslutning. Försök igen när du har nätverk.' });
  });
});
