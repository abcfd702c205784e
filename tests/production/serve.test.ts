import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demoAccounts.ts';
import { freePort, freshServerDatabase, type ServerDatabase } from '../fixtures/serverDatabase.ts';

/**
 * The production start as a region's IT runs it: `npm run build`, then plain `node dist-server/index.js`
 * with no TypeScript loader, logging JSON, answering /api/ready, and stopping cleanly on SIGTERM: the
 * request in flight finishes, nothing new is taken, and a connection that never completes its request
 * is cut at the bound.
 */
const SHUTDOWN_SECONDS = 6;
let database: ServerDatabase;
let server: ChildProcess;
let baseURL: string;
let output = '';
const exited = () => new Promise<number | null>((resolve) => (server.exitCode !== null ? resolve(server.exitCode) : server.once('exit', (code) => resolve(code))));

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'server/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
  expect(build.status).toBe(0);
  database = await freshServerDatabase('prod');
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _shared, NODE_OPTIONS: _loader, ...env } = process.env;
  server = spawn(process.execPath, ['dist-server/index.js'], {
    env: { ...env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: '1', CLIENT_DIR: '', SHUTDOWN_SECONDS: String(SHUTDOWN_SECONDS), ...database.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const started = Date.now();
  while (!(await fetch(`${baseURL}/api/ready`).then((r) => r.ok, () => false))) {
    if (server.exitCode !== null || Date.now() - started > 60_000) throw new Error(`the built server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 90_000);
afterAll(async () => {
  if (server?.exitCode === null) {
    server.kill('SIGKILL');
    await exited();
  }
  await database?.remove();
});

const lines = () =>
  output
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown> & { msg: string; level: number; req?: { id: string; method: string; route: string }; status?: number; ms?: number; userId?: string | null });

describe('the production start', () => {
  it('logs one JSON line per request, with its route, status, duration and person, and never a password or session', async () => {
    expect(await (await fetch(`${baseURL}/api/health`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${baseURL}/api/ready`)).json()).toMatchObject({ status: 'ready' });
    const login = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'controller@malbild.example', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await (await fetch(`${baseURL}/api/auth/me`, { headers: { cookie } })).json()) as { user: { id: string } };
    const plans = await fetch(`${baseURL}/api/plans`, { headers: { cookie } });
    expect(plans.status).toBe(200);
    const requestId = plans.headers.get('x-request-id');
    await expect.poll(() => lines().some((l) => l.req?.id === requestId), { timeout: 5000 }).toBe(true);

    const logged = lines();
    const ofPlans = logged.find((l) => l.req?.id === requestId)!;
    expect(ofPlans).toMatchObject({ msg: 'request', req: { method: 'GET', route: '/api/plans' }, status: 200, userId: me.user.id, service: 'malbild' });
    expect(ofPlans.ms).toBeGreaterThan(0);
    expect(logged.find((l) => l.req?.route === '/api/auth/login')).toMatchObject({ req: { method: 'POST' }, status: 200 });
    expect(logged.some((l) => l.msg.startsWith('Målbild på'))).toBe(true);
    expect(output).not.toContain(DEMO_PASSWORD);
    expect(output).not.toContain(cookie.split('=')[1]!);
    expect(output).not.toMatch(/cookie|authorization/i);
  });

  it('stops on SIGTERM: finishes the request in flight, takes no new one, and cuts an unfinished connection at the bound', async () => {
    const login = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'controller@malbild.example', password: DEMO_PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { plans } = (await (await fetch(`${baseURL}/api/plans`, { headers: { cookie } })).json()) as { plans: { id: string; name: string }[] };
    const plan = plans.find((p) => p.name.includes('2024'))!;
    // A client that sends half a request and then nothing, as a stalled phone might.
    const stalled = connect(Number(new URL(baseURL).port), '127.0.0.1');
    await new Promise((resolve) => stalled.once('connect', resolve));
    stalled.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    stalled.on('error', () => undefined);
    // A PDF takes Chromium a while: it is still being made when the signal comes.
    const pdf = fetch(`${baseURL}/api/plans/${plan.id}/reports/2024-T1.pdf`, { headers: { cookie } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    server.kill('SIGTERM');
    const answered = await pdf;
    expect(answered.status).toBe(200);
    expect(Buffer.from(await answered.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await fetch(`${baseURL}/api/health`).then(() => 'answered', () => 'refused')).toBe('refused');
    expect(await exited()).toBe(0);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(SHUTDOWN_SECONDS * 1000 - 500);
    expect(took).toBeLessThan(SHUTDOWN_SECONDS * 1000 + 4000);
    expect(lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['Stoppar: tar inte emot nya förfrågningar.', 'Stoppad.']));
    stalled.destroy();
  }, 60_000);
});
