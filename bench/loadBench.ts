import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { PullResponse } from '@shared/schemas/sync.ts';
import { DEMO_PASSWORD } from '../server/demo/demoAccounts.ts';
import { freePort, freshServerDatabase } from '../tests/fixtures/serverDatabase.ts';
import { ChildServer } from '../tests/sync/childServer.ts';
import { signIn } from '../tests/sync/httpDevice.ts';

/** One autocannon run: what the load reached and how long the slowest answers took. */
export interface LoadRun {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Bytes on the wire per answer (compressed, with headers). */
  bytesPerAnswer: number;
  /** Answers that were not 2xx, and failed connections: any of them makes the run worthless. */
  failures: number;
}

export interface LoadCase {
  name: 'emptyPull' | 'deltaPull' | 'push';
  connections: number;
  /** What one request carries, in the real server's words. */
  detail: string;
  real: LoadRun[];
  floor: LoadRun[];
}

export interface LoadBenchResult {
  database: 'pglite' | 'postgres';
  /** When this part ran (ISO), which a report merged from two runs (`--from`) says; absent in older results. */
  measuredAt?: string;
  durationS: number;
  cases: LoadCase[];
}

const PUSH_BATCH = 10;

function cannon(options: autocannon.Options): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => {
      if (error) return reject(error);
      resolve({
        requestsPerSec: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        bytesPerAnswer: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
        failures: result.non2xx + result.errors + result.timeouts,
      });
    });
  });
}

/** The floor in a process of its own, as the real server is, answering the given bodies. */
async function startConstantServer(bodies: Record<string, string>): Promise<{ baseURL: string; stop: () => void; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'malbild-load-floor-'));
  const file = join(dir, 'bodies.json');
  writeFileSync(file, JSON.stringify(bodies));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/constantServer.ts'], {
    env: { ...process.env, PORT: String(port), BODIES_FILE: file },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (await fetch(`${baseURL}/health`).then((r) => r.ok, () => false)) break;
    if (tries > 300) throw new Error('the constant server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseURL, dir, stop: () => child.kill('SIGKILL') };
}

/** A device's batch of comments on the given activities, each a new mutation with its own id. */
function commentBatch(deviceId: string, activities: { id: string; version: number }[], n: number) {
  const createdAt = new Date().toISOString();
  return JSON.stringify({
    deviceId,
    mutations: Array.from({ length: PUSH_BATCH }, (_, i) => {
      const activity = activities[(n * PUSH_BATCH + i) % activities.length]!;
      return {
        id: randomUUID(),
        recordId: activity.id,
        createdAt,
        name: 'activity.update',
        args: { status: null, statusParts: null, text: `Mätning: kommentar ${n}-${i} från ${deviceId}.`, baseVersion: activity.version, writtenAt: createdAt },
      };
    }),
  });
}

/**
 * The server's hot paths under load, beside a constant Hono handler serving the same bytes with the same
 * compression: the "anything new?" pull every installed device sends every minute, a delta pull of the
 * last 100 changes, and 20 devices pushing batches of comments. The real server runs as production does
 * (its own process, the demo data, request logging on), alternating with the floor so that the machine's
 * drifting load touches both alike.
 */
export async function runLoadBench(options: { databaseUrl: string | null; durationS: number; reps: number; log: (line: string) => void }): Promise<LoadBenchResult> {
  const { databaseUrl, durationS, reps, log } = options;
  const measuredAt = new Date().toISOString();
  const database = await freshServerDatabase('load', { databaseUrl });
  const server = await ChildServer.start(database, { demo: true });
  let floor: Awaited<ReturnType<typeof startConstantServer>> | null = null;
  try {
    const origin = server.baseURL;
    const reader = await signIn(origin, 'namnd@malbild.example', DEMO_PASSWORD);
    const writer = await signIn(origin, 'controller@malbild.example', DEMO_PASSWORD);
    const get = async (path: string, cookie: string) => {
      const response = await fetch(`${origin}${path}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return response.text();
    };

    // The push's sample batch first: it moves the head, and the pulls below must be measured at the head it leaves.
    const all = JSON.parse(await get('/api/sync/pull?since=0&limit=5000', writer)) as PullResponse;
    const activities = all.changes.filter((c) => c.entity === 'activity' && c.record).map((c) => ({ id: c.id, version: Number(c.record!.version) }));
    const pushHeaders = { cookie: writer, origin, 'content-type': 'application/json' };
    const sample = await fetch(`${origin}/api/sync/push`, { method: 'POST', headers: pushHeaders, body: commentBatch(`bench-${randomUUID()}`, activities, 0) });
    const pushBody = await sample.text();
    const applied = (JSON.parse(pushBody) as { results: { status: string }[] }).results.filter((r) => r.status === 'applied').length;
    if (applied !== PUSH_BATCH) throw new Error(`a push batch applied ${applied} of ${PUSH_BATCH}: ${pushBody}`);

    // The device's view of the server: a whole copy first (for the head, scope and epoch it sends back).
    const first = JSON.parse(await get('/api/sync/pull?since=0&limit=1', reader)) as PullResponse;
    const query = (since: number) => `/api/sync/pull?since=${since}&limit=5000&scope=${first.scope}&epoch=${first.epoch}`;
    const emptyPath = query(first.head);
    const deltaPath = query(first.head - 100);
    const emptyBody = await get(emptyPath, reader);
    const deltaBody = await get(deltaPath, reader);
    const delta = JSON.parse(deltaBody) as PullResponse;
    if ((JSON.parse(emptyBody) as PullResponse).changes.length !== 0 || delta.changes.length !== 100) throw new Error('the pulls do not answer what the bench measures');

    floor = await startConstantServer({ empty: emptyBody, delta: deltaBody, push: pushBody });
    const browserHeaders = (cookie: string) => ({ cookie, 'accept-encoding': 'gzip, deflate, br' });
    const pushRequest = (base: string, path: string): autocannon.Options => {
      let n = 1;
      return {
        url: base,
        connections: 20,
        duration: durationS,
        requests: [
          {
            method: 'POST',
            path,
            headers: { ...pushHeaders, 'accept-encoding': 'gzip, deflate, br' },
            // Every connection is a device of its own, every batch new mutations.
            setupRequest: (request, context: { deviceId?: string }) => {
              context.deviceId ??= `bench-${randomUUID()}`;
              return { ...request, body: commentBatch(context.deviceId, activities, n++) };
            },
          },
        ],
      };
    };
    const plans: { name: LoadCase['name']; detail: string; real: () => autocannon.Options; floor: () => autocannon.Options; connections: number }[] = [
      {
        name: 'emptyPull',
        connections: 50,
        detail: `since = head, nothing new (${emptyBody.length} bytes of JSON)`,
        real: () => ({ url: `${origin}${emptyPath}`, connections: 50, duration: durationS, headers: browserHeaders(reader) }),
        floor: () => ({ url: `${floor!.baseURL}/pull/empty`, connections: 50, duration: durationS, headers: browserHeaders(reader) }),
      },
      {
        name: 'deltaPull',
        connections: 50,
        detail: `the last 100 changes (${Math.round(deltaBody.length / 1024)} kB of JSON)`,
        real: () => ({ url: `${origin}${deltaPath}`, connections: 50, duration: durationS, headers: browserHeaders(reader) }),
        floor: () => ({ url: `${floor!.baseURL}/pull/delta`, connections: 50, duration: durationS, headers: browserHeaders(reader) }),
      },
      {
        name: 'push',
        connections: 20,
        detail: `20 devices, batches of ${PUSH_BATCH} comments on activities (controller)`,
        real: () => pushRequest(origin, '/api/sync/push'),
        floor: () => pushRequest(floor!.baseURL, '/push'),
      },
    ];

    const cases: LoadCase[] = [];
    for (const plan of plans) {
      const result: LoadCase = { name: plan.name, connections: plan.connections, detail: plan.detail, real: [], floor: [] };
      // A short run of each first: the processes' code is warm before anything counts.
      await cannon({ ...plan.real(), duration: 2 });
      await cannon({ ...plan.floor(), duration: 2 });
      for (let i = 0; i < reps; i++) {
        result.real.push(await cannon(plan.real()));
        result.floor.push(await cannon(plan.floor()));
        const [real, base] = [result.real.at(-1)!, result.floor.at(-1)!];
        log(`  ${plan.name} ${i + 1}/${reps}: ${Math.round(real.requestsPerSec)} req/s, p99 ${real.p99Ms} ms; floor ${Math.round(base.requestsPerSec)} req/s, p99 ${base.p99Ms} ms`);
      }
      cases.push(result);
    }
    return { database: databaseUrl ? 'postgres' : 'pglite', measuredAt, durationS, cases };
  } finally {
    floor?.stop();
    if (floor) rmSync(floor.dir, { recursive: true, force: true });
    await server.stop();
    await database.remove();
  }
}
