import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LARGE_REGION, type RegionSize } from '../server/demo/largeRegion.ts';
import { runChaos, type ChaosReport } from '../tests/sync/chaos.ts';
import { buildBenchPage } from './bundle.ts';
import { runLighthouseBench, type LighthouseBenchResult } from './lighthouseBench.ts';
import { describeMachine } from './machine.ts';
import { writeReport } from './report.ts';
import { runLoadBench, type LoadBenchResult } from './loadBench.ts';
import { runScreensBench, type ScreensBenchResult } from './screensBench.ts';
import { runSyncBench, type SyncBenchResult } from './syncBench.ts';

/**
 * `npm run bench`: first full sync of a large region against the Dexie floor, delta sync, push of 1,000
 * queued changes, each on PGlite and on PostgreSQL, and the chaos run at 10,000 mutations; writes
 * bench/REPORT.md (and the raw numbers to bench/results/).
 *
 *   --only sync|chaos|load|screens|lighthouse   one part only (load: the server's pull and push under
 *                            autocannon, beside a constant Hono handler; --load-seconds 10 --load-reps 2;
 *                            screens: the real built app's screens with the large region on the device, beside
 *                            reading their records, and tap to saved; --screen-reps 5; lighthouse: Lighthouse
 *                            (mobile) on three first screens and their initial JavaScript, --lighthouse-runs 3)
 *   --db pglite|postgres     one database only
 *   --reps 3                 repetitions of full sync, floor and push (delta: --delta-reps 5; the
 *                            explanatory variants, smaller pages and a per-page floor: --variant-reps 1)
 *   --chaos-mutations 10000
 *   --scale 1                a fraction of the region, for trying the script out (the report says so)
 *
 *   --from results/<file>.json  only write REPORT.md again from numbers measured before
 *
 * PostgreSQL is reached through BENCH_DATABASE_URL, else DATABASE_URL, else the local test server.
 */
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    db: { type: 'string' },
    reps: { type: 'string', default: '3' },
    'delta-reps': { type: 'string', default: '5' },
    'variant-reps': { type: 'string', default: '1' },
    'chaos-mutations': { type: 'string', default: '10000' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string' },
    from: { type: 'string' },
    'load-seconds': { type: 'string', default: '10' },
    'load-reps': { type: 'string', default: '2' },
    'screen-reps': { type: 'string', default: '5' },
    'lighthouse-runs': { type: 'string', default: '3' },
  },
});
const log = (line: string) => console.log(line);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/malbild_test';
const scale = Number(args.scale);
const size: RegionSize = {
  ...LARGE_REGION,
  goalsPerPlan: Math.max(1, Math.round(LARGE_REGION.goalsPerPlan * scale)),
  indicatorsPerPlan: Math.max(1, Math.round(LARGE_REGION.indicatorsPerPlan * scale)),
  activitiesPerPlan: Math.max(1, Math.round(LARGE_REGION.activitiesPerPlan * scale)),
};

async function postgresVersion(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const [row] = (await client.query<{ server_version: string }>('SHOW server_version')).rows;
    return row?.server_version ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (args.from) {
  writeReport(new URL('./REPORT.md', import.meta.url), JSON.parse(readFileSync(new URL(args.from, import.meta.url), 'utf8')));
  log('Wrote bench/REPORT.md.');
  process.exit(0);
}

const pgVersion = await postgresVersion();
const machine = describeMachine(pgVersion);
const databases: { name: 'pglite' | 'postgres'; url: string | null }[] = [
  { name: 'pglite' as const, url: null },
  ...(pgVersion ? [{ name: 'postgres' as const, url: postgresUrl }] : []),
].filter((d) => !args.db || d.name === args.db);
if (!pgVersion) log(`PostgreSQL at ${postgresUrl.replace(/:[^:@/]+@/, ':…@')} is not reachable: measuring PGlite only.`);

const sync: SyncBenchResult[] = [];
const chaos: ChaosReport[] = [];
const load: LoadBenchResult[] = [];
const screens: ScreensBenchResult[] = [];
let lighthouse: LighthouseBenchResult | undefined;
const started = Date.now();
const resultsFile = new URL(`./results/${machine.date.replaceAll(':', '-')}.json`, import.meta.url);
/** Written after every part, so a part that fails later keeps what the earlier ones measured (`--from` reads it). */
function saveResults() {
  const results = { machine: { ...machine, loadAtEnd: loadavg().map((n) => Math.round(n * 100) / 100) }, scale, size, args, totalMs: Date.now() - started, sync, chaos, load, screens, lighthouse };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  return results;
}
if (!args.only || args.only === 'sync') {
  log('Building the bench page …');
  const pageDir = await buildBenchPage();
  try {
    for (const database of databases) {
      log(`Sync on ${database.name}:`);
      sync.push(await runSyncBench({ databaseUrl: database.url, size, pageDir, reps: Number(args.reps), deltaReps: Number(args['delta-reps']), variantReps: Number(args['variant-reps']), log }));
      saveResults();
    }
  } finally {
    rmSync(pageDir, { recursive: true, force: true });
  }
}
if (!args.only || args.only === 'chaos') {
  for (const database of databases) {
    const seed = args.seed ? Number(args.seed) : Math.floor(Math.random() * 2 ** 31);
    log(`Chaos on ${database.name}, ${args['chaos-mutations']} mutations, seed ${seed}:`);
    const report = await runChaos({ seed, mutations: Number(args['chaos-mutations']), databaseUrl: database.url, log: (line) => log(`  ${line}`) });
    log(`  ${report.durationMs} ms, ${report.problems.length} problems`);
    chaos.push(report);
    saveResults();
  }
}

if (!args.only || args.only === 'load') {
  for (const database of databases) {
    log(`Load on ${database.name}:`);
    load.push(await runLoadBench({ databaseUrl: database.url, durationS: Number(args['load-seconds']), reps: Number(args['load-reps']), log }));
    saveResults();
  }
}

if (!args.only || args.only === 'screens') {
  for (const database of databases) {
    log(`Screens on ${database.name}:`);
    screens.push(await runScreensBench({ databaseUrl: database.url, size, reps: Number(args['screen-reps']), log }));
    saveResults();
  }
}

// The app's screens do not depend on the server's database kind: measured once, on PGlite.
if (!args.only || args.only === 'lighthouse') {
  log('Lighthouse (mobile) and bytes:');
  lighthouse = await runLighthouseBench({ runs: Number(args['lighthouse-runs']), log });
}

const results = saveResults();
writeReport(new URL('./REPORT.md', import.meta.url), results);
log(`Wrote bench/REPORT.md (${Math.round((Date.now() - started) / 1000)} s).`);
