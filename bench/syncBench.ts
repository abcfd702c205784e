import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { PULL_MAX_LIMIT } from '@shared/schemas/sync.ts';
import { serverSender } from '../client/sync/serverPush.ts';
import type { RegionSize } from '../server/demo/largeRegion.ts';
import { freshServerDatabase } from '../tests/fixtures/serverDatabase.ts';
import { ChildServer } from '../tests/sync/childServer.ts';
import { cookieTransport, signIn } from '../tests/sync/httpDevice.ts';
import { serverSnapshot } from '../tests/sync/snapshot.ts';
import { serverPageFetcher } from '../client/sync/serverPull.ts';
import { BENCH_PASSWORD, NAMND, RAPPORTOR, seedBenchRegion } from './benchRegion.ts';
import type { Bench } from './browser/main.ts';

export interface Timed {
  ms: number;
  waitingMs?: number;
  pages?: number;
  applied?: number;
}

export interface SyncBenchResult {
  database: 'pglite' | 'postgres';
  importMs: number;
  counts: Record<string, number>;
  records: number;
  fullSync: Timed[];
  floor: { ms: number; records: number }[];
  /** The stricter floor: raw IndexedDB, relaxed durability, a page to a transaction (alternating with the full sync too). */
  rawFloor: { ms: number; records: number }[];
  /** What checking the pages costs: the pull's page check, and every record against its kind's schema (which the pull skips). */
  validation: { pageCheckMs: number; recordCheckMs: number; records: number; invalid: number; issues: string[] };
  /** The bench page's JS heap after its last full sync, after a garbage collection (CDP Runtime.getHeapUsage). */
  heap: { usedBytes: number; totalBytes: number };
  /** The same pull with pages of 1,000 instead of the app's 5,000. */
  fullSyncSmallPages: Timed[];
  /** The floor written as the pull writes: a page (5,000 records) to a transaction. */
  floorPerPage: { ms: number; records: number }[];
  rapportorSync: Timed & { records: number };
  delta: Timed[];
  queue: { ms: number }[];
  push: { ms: number; sent: number; conflicts: number; rejected: number }[];
}

type Call = <K extends keyof Bench>(page: Page, name: K, ...args: Parameters<Bench[K]>) => Promise<Awaited<ReturnType<Bench[K]>>>;
const call: Call = (page, name, ...args) =>
  page.evaluate(([n, a]) => (window as unknown as { malbildBench: Record<string, (...x: unknown[]) => unknown> }).malbildBench[n as string]!(...(a as unknown[])), [name, args] as const) as never;

async function benchPage(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForFunction(() => 'malbildBench' in window);
  const status = await call(page, 'signIn', email, BENCH_PASSWORD);
  if (status !== 200) throw new Error(`sign-in as ${email} in the browser answered ${status}`);
  return page;
}

/**
 * The sync measurements on one database: the large region imported, the real server as a child
 * process serving the bench page, headless Chromium running the app's sync modules against it.
 */
export async function runSyncBench(options: {
  databaseUrl: string | null;
  size: RegionSize;
  pageDir: string;
  reps: number;
  deltaReps: number;
  variantReps: number;
  log: (line: string) => void;
}): Promise<SyncBenchResult> {
  const { databaseUrl, size, pageDir, reps, deltaReps, variantReps, log } = options;
  const database = await freshServerDatabase('bench', { databaseUrl });
  let server: ChildServer | null = null;
  let browser: Browser | null = null;
  try {
    const { importMs, counts } = await seedBenchRegion(database, size, log);

    server = await ChildServer.start(database, { env: { CLIENT_DIR: pageDir } });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const namnd = await benchPage(browser, server.baseURL, NAMND);

    // Full sync and its floor, alternately, so that drift in the machine's load touches both alike.
    const fullSync: Timed[] = [];
    const floor: { ms: number; records: number }[] = [];
    const rawFloor: { ms: number; records: number }[] = [];
    const cdp = await namnd.context().newCDPSession(namnd);
    const profile = process.env.BENCH_CPU_PROFILE;
    for (let i = 0; i < reps; i++) {
      if (profile && i === 0) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      const run = await call(namnd, 'fullSync', `full-${i}`);
      if (profile && i === 0) writeFileSync(profile, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      fullSync.push(run);
      log(`  full sync ${i + 1}/${reps}: ${Math.round(run.ms)} ms (${run.applied} changes, ${run.pages} pages, ${Math.round(run.waitingMs)} ms waiting for the server)`);
      if (i < reps - 1) await call(namnd, 'drop', `full-${i}`);
      const base = await call(namnd, 'floor', `floor-${i}`);
      floor.push(base);
      log(`  floor ${i + 1}/${reps}: ${Math.round(base.ms)} ms (${base.records} records)`);
      await call(namnd, 'drop', `floor-${i}`);
      const raw = await call(namnd, 'rawFloor', `raw-${i}`);
      rawFloor.push(raw);
      log(`  raw IndexedDB floor ${i + 1}/${reps}: ${Math.round(raw.ms)} ms (${raw.records} records)`);
      await call(namnd, 'drop', `raw-${i}`);
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    const heap = { usedBytes: usage.usedSize, totalBytes: usage.totalSize };
    log(`  JS heap after the full sync: ${(heap.usedBytes / 2 ** 20).toFixed(1)} MiB used of ${(heap.totalBytes / 2 ** 20).toFixed(1)} MiB`);
    const validation = await call(namnd, 'validation');
    log(`  checking the pages: ${Math.round(validation.pageCheckMs)} ms; every record against its schema: ${Math.round(validation.recordCheckMs)} ms (${validation.invalid} of ${validation.records} invalid)`);
    // Where the gap comes from: the page size chosen, and the floor paying for one transaction per page.
    const fullSyncSmallPages: Timed[] = [];
    const floorPerPage: { ms: number; records: number }[] = [];
    for (let i = 0; i < variantReps; i++) {
      const small = await call(namnd, 'fullSync', `small-${i}`, 1000);
      fullSyncSmallPages.push(small);
      log(`  full sync, pages of 1,000, ${i + 1}/${variantReps}: ${Math.round(small.ms)} ms (${small.pages} pages)`);
      await call(namnd, 'drop', `small-${i}`);
      const perPage = await call(namnd, 'floor', `floor-page-${i}`, PULL_MAX_LIMIT);
      floorPerPage.push(perPage);
      log(`  floor, ${PULL_MAX_LIMIT} records a transaction, ${i + 1}/${variantReps}: ${Math.round(perPage.ms)} ms`);
      await call(namnd, 'drop', `floor-page-${i}`);
    }

    // Delta: another person's 100 changed records arrive at the synced device.
    const rapportorCookie = await signIn(server.baseURL, RAPPORTOR, BENCH_PASSWORD);
    const transport = cookieTransport(() => server!.baseURL, rapportorCookie);
    const visible = await serverSnapshot(serverPageFetcher(transport));
    const writableUnits = new Set([...visible.unit.values()].filter((u) => String(u.key).startsWith('forv-01')).map((u) => u.id as string));
    const activities = [...visible.activity.values()].filter((a) => writableUnits.has(a.unitId as string));
    const indicators = [...visible.indicator.values()].filter((i) => writableUnits.has(i.unitId as string));
    const send = serverSender(randomUUID(), transport);
    const delta: Timed[] = [];
    for (let round = 0; round < deltaReps; round++) {
      const createdAt = new Date().toISOString();
      // 40 outcomes (one record each) and 30 comments (a history entry and the activity each): 100 records.
      const mutations: Mutation[] = [
        ...indicators.slice(round * 40, round * 40 + 40).map((indicator): Mutation => ({ id: randomUUID(), name: 'outcome.set', recordId: indicator.id as string, createdAt, args: { period: '2026-01', subSeriesKey: null, gender: 'T', value: 42, comment: null, baseVersion: null } })),
        ...activities.slice(round * 30, round * 30 + 30).map((activity): Mutation => ({ id: randomUUID(), name: 'activity.update', recordId: activity.id as string, createdAt, args: { status: null, statusParts: null, text: `Delta ${round}.`, baseVersion: activity.version as number, writtenAt: null } })),
      ];
      const answer = await send(mutations);
      if (answer.kind !== 'results' || answer.results.some((r) => r.status !== 'applied')) throw new Error(`the delta changes were not all applied: ${JSON.stringify(answer).slice(0, 300)}`);
      const run = await call(namnd, 'deltaSync', `full-${reps - 1}`);
      delta.push(run);
      log(`  delta ${round + 1}/${deltaReps}: ${Math.round(run.ms)} ms (${run.applied} changes)`);
    }
    await namnd.context().close();

    // Push: a rapportör's device with 1,000 changes waiting.
    const rapportor = await benchPage(browser, server.baseURL, RAPPORTOR);
    const own = await call(rapportor, 'fullSync', 'rapportor');
    const rapportorSync = { ...own, records: Object.values(own.counts).reduce((a, b) => a + b, 0) };
    log(`  rapportör's full sync: ${Math.round(own.ms)} ms (${rapportorSync.records} records)`);
    const queue: { ms: number }[] = [];
    const push: SyncBenchResult['push'] = [];
    for (let round = 0; round < reps; round++) {
      const queued = await call(rapportor, 'queueChanges', 'rapportor', 1000, round);
      if (queued.queued !== 1000) throw new Error(`expected 1000 queued changes, found ${queued.queued}`);
      queue.push({ ms: queued.ms });
      const sent = await call(rapportor, 'push', 'rapportor');
      push.push(sent);
      log(`  push ${round + 1}/${reps}: ${Math.round(sent.ms)} ms (${sent.sent} sent, ${sent.conflicts} conflicts, ${sent.rejected} rejected; queueing took ${Math.round(queued.ms)} ms)`);
      await call(rapportor, 'deltaSync', 'rapportor');
    }
    return { database: database.kind, importMs, counts, records: Object.values(counts).reduce((a, b) => a + b, 0), fullSync, floor, rawFloor, validation, heap, fullSyncSmallPages, floorPerPage, rapportorSync, delta, queue, push };
  } finally {
    await browser?.close();
    await server?.stop();
    await database.remove();
  }
}
