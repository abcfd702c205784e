import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { RegionSize } from '../server/demo/largeRegion.ts';
import { freshServerDatabase } from '../tests/fixtures/serverDatabase.ts';
import { ChildServer } from '../tests/sync/childServer.ts';
import { BENCH_PASSWORD, NAMND, RAPPORTOR, seedBenchRegion } from './benchRegion.ts';

const DEXIE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('dexie/dist/dexie.min.js'), 'utf8');
const TABLET: BrowserContextOptions = { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE', serviceWorkers: 'block' };
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE', serviceWorkers: 'block' };
/** Where the first sync of the large region may take its time on a busy machine. */
const SYNC_TIMEOUT_MS = 15 * 60_000;

/** One screen opened in the app beside reading its records from IndexedDB, alternating, in the same page. */
export interface ScreenPair {
  ms: number;
  floorMs: number;
  records: number;
}

export interface ScreensBenchResult {
  database: 'pglite' | 'postgres';
  records: number;
  /** The plan the overview and chart show: the one with the most records. */
  plan: { name: string };
  indicator: { name: string; outcomes: number };
  /** The rapportör's plan in Mina uppgifter. */
  tasksPlan: { name: string };
  overview: ScreenPair[];
  chart: ScreenPair[];
  tasks: ScreenPair[];
  /** Tap on Spara until "Sparat på enheten." is painted, beside a bare Dexie transaction of the same writes. */
  tap: ScreenPair[];
}

/**
 * The real app built as shipped, into a folder of its own (not the worktree's dist/, which the browser
 * tests use); unminified when profiling, so that the profile names the app's own functions.
 */
function buildApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'malbild-bench-app-'));
  const minify = process.env.BENCH_SCREENS_PROFILE ? ['--minify', 'false'] : [];
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir', ...minify], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed');
  return outDir;
}

/**
 * A person's device: the app opened, signed in on its sign-in screen, and left until the header says the
 * first sync is done. `__name` is what tsx wraps the functions below in when they run in the page; Dexie
 * (the same version the app bundles) is put in the page for the floors, opened on the app's own database.
 */
async function device(browser: Browser, baseURL: string, email: string, options: BrowserContextOptions, log: (line: string) => void): Promise<Page> {
  const context = await browser.newContext({ ...options, baseURL });
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(BENCH_PASSWORD);
  const started = Date.now();
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByText(/Alla ändringar sparade/).first().waitFor({ timeout: SYNC_TIMEOUT_MS });
  log(`  ${email}: signed in and synced in ${Math.round((Date.now() - started) / 1000)} s`);
  await page.evaluate(DEXIE_SOURCE);
  await page.evaluate(async () => {
    const w = window as unknown as { Dexie: new (name: string) => { open(): Promise<unknown> }; floorDb: unknown };
    w.floorDb = await new w.Dexie('malbild').open();
  });
  return page;
}

/**
 * Opens `path` inside the running app as a link does (vue-router follows the address on popstate) and
 * answers the time from then until the screen's `malbild:shown:<screen>` mark (client/composables/useShownMark.ts).
 */
async function openScreen(page: Page, path: string, screen: string): Promise<number> {
  return page.evaluate(
    ([to, name]) =>
      new Promise<number>((resolve, reject) => {
        const mark = `malbild:shown:${name}`;
        performance.clearMarks(mark);
        const started = performance.now();
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate', { state: null }));
        const deadline = setTimeout(() => reject(new Error(`${to} never marked ${mark}`)), 120_000);
        const poll = setInterval(() => {
          const [entry] = performance.getEntriesByName(mark, 'mark');
          if (!entry) return;
          clearInterval(poll);
          clearTimeout(deadline);
          resolve(entry.startTime - started);
        }, 5);
      }),
    [path, screen] as const,
  );
}

/** To `path` inside the running app, as a link goes (offline too: the bench blocks the service worker that would serve a reload). */
async function go(page: Page, path: string) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

/** Away to a light screen, and a moment for the app to let go of the last screen's queries. */
async function leave(page: Page) {
  await go(page, '/andringar');
  await page.getByRole('heading', { level: 1, name: 'Ändringar på enheten' }).waitFor();
  await page.waitForTimeout(500);
}

/** From a light screen to `path`, with a CPU profile of the second time when asked for one. */
async function visit(page: Page, path: string, screen: string, run: number): Promise<number> {
  await leave(page);
  return run === 1 ? profiled(page, screen, () => openScreen(page, path, screen)) : openScreen(page, path, screen);
}

type Floor = 'overview' | 'chart' | 'tasks';

/**
 * The floor of a screen: the records it reads, read with Dexie in the same page in the plainest way
 * (an index's `equals` is one `getAll`; the outcomes of many indicators one `getAll` each, in parallel),
 * with nothing worked out from them and nothing drawn.
 */
async function readFloor(page: Page, floor: Floor, id: string): Promise<{ ms: number; records: number }> {
  return page.evaluate(
    async ([kind, key]) => {
      type Table = {
        get(id: string): Promise<Record<string, unknown> | undefined>;
        toArray(): Promise<Record<string, unknown>[]>;
        where(index: string): { equals(value: string): { toArray(): Promise<Record<string, unknown>[]> } };
      };
      const db = (window as unknown as { floorDb: { table(name: string): Table } }).floorDb;
      const by = (table: string, index: string, value: string) => db.table(table).where(index).equals(value).toArray();
      const byEach = async (table: string, index: string, values: unknown[]) => (await Promise.all(values.map((v) => by(table, index, v as string)))).flat();
      const ids = (rows: Record<string, unknown>[]) => rows.map((r) => r.id);
      const started = performance.now();
      let rows: unknown[] = [];
      if (kind === 'chart') {
        const indicator = await db.table('indicator').get(key);
        const [outcomes, kolada, plan, goals] = await Promise.all([
          by('outcome', 'indicatorId', key),
          by('koladaValue', 'indicatorId', key),
          db.table('plan').get(indicator!.planId as string),
          Promise.all((indicator!.goalIds as string[]).map((g) => db.table('goal').get(g))),
        ]);
        rows = [indicator, ...outcomes, ...kolada, plan, ...goals];
      } else {
        const [plan, units, perspectives, goals, indicators, focusAreas, activities, readiness] = await Promise.all([
          db.table('plan').get(key),
          db.table('unit').toArray(),
          by('perspective', 'planId', key),
          by('goal', 'planId', key),
          by('indicator', 'planId', key),
          by('focusArea', 'planId', key),
          by('activity', 'planId', key),
          by('readiness', 'planId', key),
        ]);
        // Mina uppgifter counts the readiness of the rapportör's units from the history too.
        const [assessments, outcomes, kolada, updates] = await Promise.all([
          byEach('goalAssessment', 'goalId', ids(goals)),
          byEach('outcome', 'indicatorId', ids(indicators)),
          kind === 'overview' ? byEach('koladaValue', 'indicatorId', ids(indicators)) : [],
          kind === 'tasks' ? byEach('activityUpdate', 'activityId', ids(activities)) : [],
        ]);
        rows = [plan, ...units, ...perspectives, ...goals, ...indicators, ...focusAreas, ...activities, ...readiness, ...assessments, ...outcomes, ...kolada, ...updates];
      }
      return { ms: performance.now() - started, records: rows.length };
    },
    [floor, id] as const,
  );
}

/**
 * Tap on Spara with a new status chosen, until "Sparat på enheten." is on the screen and painted. The
 * time starts in the page at the button's click, so Playwright's own round trips are not in it.
 */
async function tapSave(page: Page, status: string): Promise<number> {
  await page.getByRole('radio', { name: status, exact: true }).check();
  const button = page.getByRole('button', { name: 'Spara', exact: true });
  await button.evaluate((element) => {
    const w = window as unknown as { tapped?: Promise<number> };
    w.tapped = new Promise<number>((resolve) => {
      let started = 0;
      element.addEventListener('click', () => (started = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (!started || !document.body.innerText.includes('Sparat på enheten.')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  });
  await button.click();
  return page.evaluate(() => (window as unknown as { tapped: Promise<number> }).tapped);
}

/**
 * The floor of a tap: what the app wrote for the last one (the activity, its new history entry, the
 * outbox entry, the draft it cleared) written again for another activity in one bare Dexie transaction,
 * then taken away again (not timed).
 */
async function writeFloor(page: Page, tappedId: string, otherId: string): Promise<{ ms: number; records: number }> {
  return page.evaluate(
    async ([tapped, other]) => {
      type Row = Record<string, unknown>;
      type Table = {
        get(id: string): Promise<Row | undefined>;
        put(row: Row): Promise<unknown>;
        add(row: Row): Promise<unknown>;
        delete(key: unknown): Promise<void>;
        where(index: string): { equals(value: string): { toArray(): Promise<Row[]> } };
        orderBy(index: string): { last(): Promise<Row | undefined> };
      };
      const db = (window as unknown as { floorDb: { table(name: string): Table; transaction<T>(mode: string, tables: string[], scope: () => Promise<T>): Promise<T> } }).floorDb;
      const written = await db.table('activity').get(tapped);
      const update = (await db.table('activityUpdate').where('activityId').equals(tapped).toArray()).find((u) => u.version === 0);
      const queued = await db.table('outbox').orderBy('order').last();
      const before = await db.table('activity').get(other);
      if (!written || !update || !queued || !before) throw new Error('the tap wrote nothing to copy');
      const { order: _order, ...entry } = queued;
      const floorUpdate = { ...update, id: crypto.randomUUID(), activityId: other };
      const floorEntry = { ...entry, id: crypto.randomUUID(), recordId: other };
      const started = performance.now();
      let order: unknown;
      await db.transaction('rw', ['activity', 'activityUpdate', 'outbox', 'drafts'], async () => {
        await db.table('activity').put({ ...written, id: other });
        await db.table('activityUpdate').put(floorUpdate);
        order = await db.table('outbox').add(floorEntry);
        await db.table('drafts').delete(`activity:${other}:comment`);
      });
      const ms = performance.now() - started;
      await db.transaction('rw', ['activity', 'activityUpdate', 'outbox'], async () => {
        await db.table('activity').put(before);
        await db.table('activityUpdate').delete(floorUpdate.id);
        await db.table('outbox').delete(order);
      });
      return { ms, records: 4 };
    },
    [tappedId, otherId] as const,
  );
}

/** With BENCH_SCREENS_PROFILE=<folder>, a CDP CPU profile of each screen's first timed opening. */
async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_SCREENS_PROFILE;
  if (!folder) return run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile));
    await cdp.detach();
  }
}

async function pairs(reps: number, screen: (i: number) => Promise<number>, floor: () => Promise<{ ms: number; records: number }>, log: (line: string) => void, label: string) {
  const runs: ScreenPair[] = [];
  for (let i = 0; i < reps; i++) {
    const base = await floor();
    const ms = await screen(i);
    runs.push({ ms, floorMs: base.ms, records: base.records });
    log(`  ${label} ${i + 1}/${reps}: ${Math.round(ms)} ms; floor ${Math.round(base.ms)} ms (${base.records} records): ${(ms / base.ms).toFixed(2)}×`);
  }
  return runs;
}

/**
 * The screens at scale on one database: the large region imported, the real server serving the real
 * built app, a committee member's tablet and a rapportör's phone in headless Chromium, each synced by
 * the app itself; then each screen opened inside the app beside its floor, alternately.
 */
export async function runScreensBench(options: { databaseUrl: string | null; size: RegionSize; reps: number; log: (line: string) => void }): Promise<ScreensBenchResult> {
  const { databaseUrl, size, reps, log } = options;
  log('  building the app …');
  const appDir = buildApp();
  const database = await freshServerDatabase('bench-screens', { databaseUrl });
  let server: ChildServer | null = null;
  let browser: Browser | null = null;
  try {
    await seedBenchRegion(database, size, log);
    const db = await database.open();
    // The largest plan by what the overview reads, its indicator with the longest series, and the rapportör's newest plan.
    const [plan] = await db.query<{ id: string; name: string; n: number }>(
      `SELECT p.id::text, p.data->>'name' AS name, count(r.id)::int AS n FROM records p JOIN records r ON r.plan_id = p.id AND NOT r.deleted
       WHERE p.entity = 'plan' AND NOT p.deleted GROUP BY p.id, p.data ORDER BY n DESC, p.id LIMIT 1`,
    );
    const [indicator] = await db.query<{ id: string; name: string; n: number }>(
      `SELECT i.id::text, i.data->>'name' AS name, count(o.id)::int AS n FROM records i JOIN records o ON o.entity = 'outcome' AND NOT o.deleted AND o.data->>'indicatorId' = i.id::text
       WHERE i.entity = 'indicator' AND i.data->>'planId' = $1 GROUP BY i.id, i.data ORDER BY n DESC, i.id LIMIT 1`,
      [plan!.id],
    );
    const [tasksPlan] = await db.query<{ id: string; name: string }>(
      `SELECT p.id::text, p.data->>'name' AS name FROM records p JOIN records u ON u.entity = 'unit' AND u.id::text = p.data->>'unitId'
       WHERE p.entity = 'plan' AND u.data->>'key' = 'forv-01' ORDER BY (p.data->>'startYear')::int DESC LIMIT 1`,
    );
    const writable = await db.query<{ id: string; status: string | null }>(
      `SELECT a.id::text, a.data->>'status' AS status FROM records a WHERE a.entity = 'activity' AND NOT a.deleted AND a.data->>'planId' = $1 ORDER BY (a.data->>'order')::int, a.id LIMIT $2`,
      [tasksPlan!.id, reps * 2],
    );
    await db.close();
    log(`  largest plan: ${plan!.name}; chart: ${indicator!.name} (${indicator!.n} outcomes); Mina uppgifter: ${tasksPlan!.name}`);

    server = await ChildServer.start(database, { env: { CLIENT_DIR: appDir } });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });

    const tablet = await device(browser, server.baseURL, NAMND, TABLET, log);
    const overviewPath = `/planer/${plan!.id}/oversikt`;
    const chartPath = `/planer/${plan!.id}/indikatorer/${indicator!.id}`;
    const overview = await pairs(reps, (i) => visit(tablet, overviewPath, 'overview', i), () => readFloor(tablet, 'overview', plan!.id), log, 'overview');
    const chart = await pairs(reps, (i) => visit(tablet, chartPath, 'indicator-chart', i), () => readFloor(tablet, 'chart', indicator!.id), log, 'indicator chart');
    const records = await tablet.evaluate(() => (window as unknown as { floorDb: { tables: { count(): Promise<number> }[] } }).floorDb.tables.reduce(async (sum, table) => (await sum) + (await table.count()), Promise.resolve(0)));
    await tablet.context().close();

    const phone = await device(browser, server.baseURL, RAPPORTOR, PHONE, log);
    const tasksPath = `/planer/${tasksPlan!.id}/mina-uppgifter`;
    const tasks = await pairs(reps, (i) => visit(phone, tasksPath, 'tasks', i), () => readFloor(phone, 'tasks', tasksPlan!.id), log, 'Mina uppgifter');

    // Offline, as in the hospital basement: the change waits on the device, and no push runs beside the measurement.
    await phone.context().setOffline(true);
    const tap: ScreenPair[] = [];
    for (let i = 0; i < reps; i++) {
      const activity = writable[i * 2]!;
      // Through another screen, as from the list: ActivityView keeps its form when the address goes straight to another activity.
      await leave(phone);
      await go(phone, `/planer/${tasksPlan!.id}/aktiviteter/${activity.id}`);
      await phone.getByRole('button', { name: 'Spara', exact: true }).waitFor();
      await phone.waitForTimeout(500);
      const status = activity.status === 'Klar' ? 'Enligt plan' : 'Klar';
      const ms = await (i === 1 ? profiled(phone, 'tap', () => tapSave(phone, status)) : tapSave(phone, status));
      const base = await writeFloor(phone, activity.id, writable[i * 2 + 1]!.id);
      tap.push({ ms, floorMs: base.ms, records: base.records });
      log(`  tap to saved ${i + 1}/${reps}: ${Math.round(ms)} ms; bare Dexie transaction ${Math.round(base.ms)} ms: ${(ms / base.ms).toFixed(2)}×`);
    }
    await phone.context().close();
    return {
      database: database.kind,
      records,
      plan: { name: plan!.name },
      indicator: { name: indicator!.name, outcomes: indicator!.n },
      tasksPlan: { name: tasksPlan!.name },
      overview,
      chart,
      tasks,
      tap,
    };
  } finally {
    await browser?.close();
    await server?.stop();
    await database.remove();
    rmSync(appDir, { recursive: true, force: true });
  }
}
