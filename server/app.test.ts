import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../tests/fixtures/testApp.ts';
import { importTestPlan } from '../tests/fixtures/planDocument.ts';
import { createApp } from './app.ts';

let t: TestApp;
/** Every API route the app serves, as `GET /api/plans/:id`; taken from the app so a new route is covered at once. */
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await openTestApp();
  const seen = new Set<string>();
  routes = createApp({ db: t.db, clientDir: null })
    .routes.filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
    .filter((route) => !seen.has(`${route.method} ${route.path}`) && seen.add(`${route.method} ${route.path}`))
    .map(({ method, path }) => ({ method, path }));
});
afterAll(() => t.close());

/** Other parameters than the id, each well formed, so that only the id decides the answer. */
const OTHER_PARAMS: Record<string, string> = { period: '2025-T1' };
// A meeting's file is named by the meeting's own id.
const fileParam = (path: string) => (path.includes('/meetings/') ? `${randomUUID()}.pdf` : '2025-T1.pdf');
const withParams = (path: string, value: string) => path.replaceAll(/:(\w+)/g, (_, name: string) => (name === 'file' ? fileParam(path) : (OTHER_PARAMS[name] ?? value)));
const errorShape = (code: string) => ({ error: { code, message: expect.stringMatching(/\S/) } });

it('finds the API routes to check', () => {
  expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['GET /api/plans/:id', 'GET /api/sync/pull', 'GET /api/openapi.json']));
});

describe('routes with an id', () => {
  it('answer 404 with the error shape for a well-formed id that does not exist', async () => {
    const idRoutes = routes.filter((r) => r.path.includes(':id'));
    expect(idRoutes.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(7);
    for (const route of idRoutes) {
      const where = `${route.method} ${route.path}`;
      const { status, body } = await t.json(withParams(route.path, randomUUID()), { method: route.method });
      if (route.method === 'GET') {
        expect(status, where).toBe(404);
        expect(body, where).toEqual(errorShape('not_found'));
        expect(body.error.message, where).toMatch(/finns inte\.$/);
      } else {
        // A write without a body may be refused for the body before the id is looked up; either way, no 2xx or 5xx.
        expect([400, 404], where).toContain(status);
        expect(body, where).toEqual(errorShape(status === 404 ? 'not_found' : expect.any(String)));
      }
    }
  });

  it('answer 400 for a malformed id, without echoing it', async () => {
    for (const route of routes.filter((r) => r.path.includes(':id'))) {
      for (const id of ['inte-ett-id', '123', randomUUID().slice(0, -1), `${randomUUID()}x`]) {
        const { status, body } = await t.json(withParams(route.path, id), { method: route.method });
        expect(status, `${route.path} ${id}`).toBe(400);
        expect(body, `${route.path} ${id}`).toEqual(errorShape('invalid_input'));
        expect(body.error.message).not.toContain(id);
      }
    }
  });
});

describe('unknown API addresses', () => {
  it.each([
    ['GET', '/api/finns-inte'],
    ['GET', '/api'],
    ['GET', '/api/'],
    ['GET', `/api/plans/${randomUUID()}/okand`],
    ['GET', '/api/sync/push'],
    ['POST', '/api/plans'],
    ['DELETE', `/api/goals/${randomUUID()}`],
  ])('%s %s answers 404 as JSON', async (method, path) => {
    const response = await t.request(path, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(errorShape('not_found'));
  });
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3 document describing every API route', async () => {
    const { status, body: doc } = await t.json('/api/openapi.json');
    expect(status).toBe(200);
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.servers).toEqual([{ url: '/api' }]);

    const documented = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} /api${path}`),
    );
    const served = routes.filter((r) => r.path !== '/api/openapi.json').map((r) => `${r.method} ${r.path.replaceAll(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(served.sort());

    const operationIds = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method} ${path}`;
        expect(operation.summary, where).toMatch(/\S/);
        // A route the browser is sent through (the identity provider's) succeeds with a redirect.
        expect(Object.keys(operation.responses ?? {}).some((code) => /^[23]\d\d$/.test(code)), `${where} documents a success response`).toBe(true);
        expect(operationIds.has(operation.operationId), where).toBe(false);
        operationIds.add(operation.operationId);
        // A documented 400 must be the shape the validator really answers with.
        if (operation.responses['400']) {
          expect(operation.responses['400'].content['application/json'].schema, where).toMatchObject({
            type: 'object',
            properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
            required: ['error'],
          });
        }
        for (const name of pathParams) {
          expect(operation.parameters, where).toContainEqual(expect.objectContaining({ in: 'path', name, required: true }));
        }
      }
    }
  });
});

describe('request bodies over 1 MB', () => {
  const overLimit = 'x'.repeat(1024 * 1024 + 1);

  it('are refused with 413 on every API address but the plan import, which takes files up to 10 MB', async () => {
    const paths = [...new Set(routes.map((r) => withParams(r.path, randomUUID())))].filter((p) => p !== '/api/plans/import').concat('/api/finns-inte');
    for (const path of paths) {
      for (const method of ['POST', 'PUT']) {
        const response = await t.request(path, { method, body: overLimit, headers: { 'content-type': 'application/json' } });
        expect(response.status, `${method} ${path}`).toBe(413);
        expect(await response.json()).toEqual(errorShape('too_large'));
      }
    }
  });

  it('are refused with 413 also when streamed without a Content-Length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 1024 * 1024) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await t.request('/api/plans', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(errorShape('too_large'));
  });

  it('refuses a plan file over 10 MB with 413', async () => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'stor.xlsx'));
    const response = await t.request('/api/plans/import', { method: 'POST', body: form });
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe('Filen är för stor (högst 10 MB).');
  });

  it('lets a body just under the limit through to routing', async () => {
    const response = await t.request('/api/finns-inte', { method: 'POST', body: 'x'.repeat(1024 * 1024) });
    expect(response.status).not.toBe(413);
  });
});

describe('bad input never crashes the server', () => {
  const garbage = [
    'x'.repeat(10_000),
    encodeURIComponent('åäö'.repeat(2_000)),
    encodeURIComponent('🙂💥\u202e\u0000\uffff'),
    '%00',
    '%',
    '%%',
    '%E0%A4%A',
    '%C0%AF',
    encodeURIComponent("' OR 1=1; DROP TABLE records; --"),
    encodeURIComponent('1; SELECT pg_sleep(10)'),
    '..%2F..%2Fetc%2Fpasswd',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    `${randomUUID()}%00`,
    '-1',
    '1e308',
    'NaN',
    'null',
    '%5B%5D',
  ];

  it('answers every GET route with garbage ids and queries below 500, as JSON', { timeout: 60_000 }, async () => {
    // Some data, so well-formed ids and valid queries reach the database and its queries run for real.
    await importTestPlan(t.db);
    const gets = routes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThanOrEqual(10);
    // Each route's own query parameters, from its OpenAPI description, so a new route's are covered too.
    const { body: doc } = await t.json('/api/openapi.json');
    const queryNames = (path: string): string[] => {
      const operation = doc.paths[path.replace(/^\/api/, '').replaceAll(/:(\w+)/g, '{$1}')]?.get;
      return (operation?.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
    };
    expect(queryNames('/api/sync/pull')).toEqual(expect.arrayContaining(['since', 'limit']));

    let requests = 0;
    for (const route of gets) {
      const names = [...queryNames(route.path), 'x'];
      const queries = [
        ...garbage.map((value) => `?${names.map((name) => `${name}=${value}`).join('&')}`),
        `?${names.map((name) => `${name}=1&${name}=2`).join('&')}`,
        `?${names.map((name) => `${name}[]=1`).join('&')}`,
        `?${'a=1&'.repeat(2_000)}`,
      ];
      for (const [index, query] of queries.entries()) {
        const path = withParams(route.path, garbage[index % garbage.length]!);
        const response = await t.request(`${path}${query}`);
        const where = `GET ${path.slice(0, 200)}${query.slice(0, 200)}`;
        requests++;
        // A file (the plan template, an export) is a file when it is given; every refusal is JSON.
        if (response.status < 400 && /\.(xlsx|zip|json)$/.test(route.path)) continue;
        // The identity provider's routes answer the browser with a page to go to: the sign-in screen, with the reason.
        if (response.status === 302) {
          expect(response.headers.get('location'), where).toMatch(/^\/logga-in\?fel=\w+$/);
          continue;
        }
        expect(response.headers.get('content-type'), where).toMatch(/^application\/json/);
        const body = await response.json();
        if (response.status >= 400) expect(body, where).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      }
    }
    expect(requests).toBe(gets.length * (garbage.length + 3));
  });
});

describe('delivery to a phone', () => {
  it('compresses the API’s answers and the app’s files, caches hashed files for good and revalidates the shell', async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'client-'));
    mkdirSync(join(clientDir, 'assets'));
    writeFileSync(join(clientDir, 'index.html'), `<!doctype html><title>Målbild</title>${'<p>Målbild</p>'.repeat(200)}`);
    writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), 'console.log("Målbild");'.repeat(200));
    await importTestPlan(t.db);
    const app = createApp({ db: t.db, clientDir });
    const gzip = { headers: { 'accept-encoding': 'gzip' } };

    const { status, headers } = await t.request('/api/sync/pull?since=0&limit=500', gzip);
    expect(status).toBe(200);
    expect(headers.get('content-encoding')).toBe('gzip');
    expect(headers.get('cache-control')).toBe('no-store');

    const shell = await app.request('/planer/x/mal', gzip);
    expect(shell.headers.get('content-encoding')).toBe('gzip');
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const asset = await app.request('/assets/app-abc123.js', gzip);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Without asking for it, nothing is compressed.
    expect((await app.request('/assets/app-abc123.js')).headers.get('content-encoding')).toBeNull();
  });
});

describe('answers that must not be kept', () => {
  it('carry Cache-Control: no-store on every API answer, errors included', async () => {
    const rapportör = await t.userWith('rapportör', randomUUID());
    const limited = createApp({ db: t.db, clientDir: null, loginAttemptsPerMinute: 0 });
    const answers = [
      await t.anonymous.request('/api/plans'),
      await rapportör.request('/api/admin/users'),
      await t.request(`/api/plans/${randomUUID()}`),
      await t.request('/api/admin/audit?from=inte-ett-datum'),
      await t.request('/api/sync/push', { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) }),
      await limited.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.se', password: 'x' }) }),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 403, 404, 400, 413, 429]);
    for (const answer of answers) expect(answer.headers.get('cache-control'), `${answer.status}`).toBe('no-store');
  });
});

describe('the device id header', () => {
  it('is checked before anything stores it', async () => {
    for (const device of ['kort', 'x'.repeat(65), 'enhet med mellanslag', '<img src=x>']) {
      const { status, body } = await t.json('/api/auth/me', { headers: { 'x-device-id': device } });
      expect(status, device).toBe(400);
      expect(body.error.message).not.toContain(device);
    }
    expect((await t.request('/api/auth/me', { headers: { 'x-device-id': 'enhet-1234_abcd' } })).status).toBe(200);
  });
});

describe('the audit log', () => {
  it('refuses a date that is not in the calendar with 400', async () => {
    const { status, body } = await t.json('/api/admin/audit?from=2024-02-31');
    expect(status).toBe(400);
    expect(body.error.message).toBe('Parametern from: Datumet finns inte i kalendern.');
  });

  it('is paged with a cursor, so every row can be read', async () => {
    const person = await t.userWith('läsare', randomUUID());
    for (let i = 0; i < 7; i++) await person.request('/api/auth/logout-others', { method: 'POST' });
    const seen: number[] = [];
    let before: number | null = null;
    do {
      const { body }: { body: { entries: { id: number }[]; nextBefore: number | null } } = await t.json(`/api/admin/audit?userId=${person.userId}&limit=3${before ? `&before=${before}` : ''}`);
      seen.push(...body.entries.map((e) => e.id));
      before = body.nextBefore;
    } while (before !== null);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });
});
