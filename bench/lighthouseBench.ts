import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium, type BrowserContext } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { measureScreen, type BuiltChunk, type ScreenBytes } from '../build/screenBytes.ts';
import { PHONE_BUDGET_GZIP, PHONE_FIRST_SCREEN, SCREENS } from '../build/screens.ts';
import { DEMO_PASSWORD } from '../server/demo/demoAccounts.ts';
import { startAppServer } from '../tests/e2e/appServer.ts';
import { freePort } from '../tests/fixtures/serverDatabase.ts';
import { median } from './machine.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
export const LIGHTHOUSE_GOALS: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

export interface LighthouseScreen {
  name: keyof typeof SCREENS;
  label: string;
  path: string;
  /** Who was signed in, or null; a signed-in screen is a return visit (service worker and records on the device). */
  person: string | null;
  /** Each run's scores, 0–100. */
  runs: Record<Category, number>[];
  /** Audits that did not pass in the last run, by category: what is left to fix. */
  failing: Record<Category, string[]>;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
}

export interface LighthouseBenchResult {
  lighthouseVersion: string;
  bytes: { name: string; label: string; bytes: ScreenBytes }[];
  phone: ScreenBytes;
  budgetGzip: number;
  screens: LighthouseScreen[];
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The app built as shipped, into a folder of its own; its chunks give each first screen's initial JavaScript. */
async function buildApp(outDir: string): Promise<BuiltChunk[]> {
  const output = await build({ configFile: resolve('vite.config.ts'), mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const outputs = (Array.isArray(output) ? output : [output]) as Rollup.RollupOutput[];
  return outputs.flatMap((o) => o.output.filter((item): item is Rollup.OutputChunk => item.type === 'chunk'));
}

/**
 * `npm run bench -- --only lighthouse`: Lighthouse 12 (mobile: an emulated mid-range phone on a slow 4G
 * link, simulated throttling) on the sign-in screen, a rapportör's Mina uppgifter and the committee's
 * overview, against the real server with the demo data; and the initial JavaScript of each first screen.
 */
export async function runLighthouseBench({ runs, log }: { runs: number; log: (line: string) => void }): Promise<LighthouseBenchResult> {
  const outDir = mkdtempSync(join(tmpdir(), 'malbild-lighthouse-'));
  try {
    const chunks = await buildApp(outDir);
    const clientRoot = resolve('client');
    const bytes = Object.entries(SCREENS).map(([name, screen]) => ({ name, label: screen.label, bytes: measureScreen(chunks, screen.views, clientRoot) }));
    const phone = measureScreen(chunks, PHONE_FIRST_SCREEN, clientRoot);
    for (const b of bytes) log(`  ${b.label}: ${b.bytes.gzip} B gzip, ${b.bytes.brotli} B brotli`);

    const server = await startAppServer({ builtDir: outDir });
    try {
      const plans = await planIds(server.baseURL);
      const targets: { name: keyof typeof SCREENS; path: string; person: string | null }[] = [
        { name: 'signIn', path: '/logga-in', person: null },
        { name: 'tasks', path: `/planer/${plans.current}/mina-uppgifter`, person: 'bup@malbild.example' },
        { name: 'overview', path: `/planer/${plans.current}/oversikt`, person: 'namnd@malbild.example' },
      ];
      const screens: LighthouseScreen[] = [];
      let version = 'unknown';
      for (const target of targets) {
        const screen: LighthouseScreen = { ...target, label: SCREENS[target.name].label, runs: [], failing: emptyFailing(), metrics: { fcpMs: 0, lcpMs: 0, tbtMs: 0, cls: 0 } };
        for (let run = 0; run < runs; run++) {
          const lhr = await audit(server.baseURL, target.path, target.person);
          version = lhr.lighthouseVersion;
          screen.runs.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>);
          screen.failing = failingAudits(lhr);
          const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
          screen.metrics = { fcpMs: metric('first-contentful-paint'), lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'), cls: metric('cumulative-layout-shift') };
          log(`  ${screen.label}, run ${run + 1}: ${CATEGORIES.map((c) => `${c} ${screen.runs.at(-1)![c]}`).join(', ')}`);
        }
        screens.push(screen);
      }
      return { lighthouseVersion: version, bytes, phone, budgetGzip: PHONE_BUDGET_GZIP, screens };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function planIds(baseURL: string): Promise<{ current: string }> {
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL },
    body: JSON.stringify({ email: 'namnd@malbild.example', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { plans } = (await (await fetch(`${baseURL}/api/plans`, { headers: { cookie } })).json()) as { plans: { id: string; name: string }[] };
  const current = plans.find((plan) => plan.name.includes('2025–2027'));
  if (!current) throw new Error(`No 2025–2027 plan among ${plans.map((p) => p.name).join(', ')}`);
  return { current: current.id };
}

/**
 * One Lighthouse run in a fresh browser profile. Signed in, the person first opens the screen and waits for
 * the first sync, as anyone who uses the app has; Lighthouse then loads it again without clearing storage.
 */
async function audit(baseURL: string, path: string, person: string | null) {
  const profile = mkdtempSync(join(tmpdir(), 'malbild-lighthouse-profile-'));
  const port = await freePort();
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`], locale: 'sv-SE' });
    if (person) {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${baseURL}/logga-in`);
      await page.getByLabel('E-postadress').fill(person);
      await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.waitForURL((url) => url.pathname !== '/logga-in' && url.pathname !== '/', { timeout: 30_000 });
      await page.goto(`${baseURL}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await page.getByText(/Alla ändringar sparade/).first().waitFor({ timeout: 60_000 });
      await page.close();
    }
    const result = await lighthouse(`${baseURL}${path}`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      disableStorageReset: person !== null,
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const emptyFailing = (): Record<Category, string[]> => ({ performance: [], accessibility: [], 'best-practices': [], seo: [] });

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function failingAudits(lhr: Result): Record<Category, string[]> {
  const failing = emptyFailing();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 0.9 || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'manual') continue;
      // Performance metrics count by weight; the other categories' audits pass or fail.
      if (category === 'performance' && ref.weight === 0) continue;
      failing[category].push(`${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
  }
  return failing;
}

/** The bench report's section: each screen's median scores against the goals, and its initial JavaScript. */
export function lighthouseSection(r: LighthouseBenchResult): string[] {
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const score = (s: LighthouseScreen, c: Category) => {
    const m = median(s.runs.map((run) => run[c]));
    return `${m}${m >= LIGHTHOUSE_GOALS[c] ? '' : ' ✗'}`;
  };
  return [
    `### Lighthouse (mobile) and bytes`,
    '',
    `Lighthouse ${r.lighthouseVersion}, its default mobile settings (an emulated mid-range phone, slow 4G and a 4× slower CPU, simulated), against the real server with the demo data and the app built as shipped. Median of ${r.screens[0]?.runs.length ?? 0} runs per screen, each in a fresh browser profile. A signed-in screen is a return visit: the person signed in, opened it and waited for the first sync before Lighthouse loaded it again with storage kept.`,
    '',
    `| screen | performance (goal ≥ ${LIGHTHOUSE_GOALS.performance}) | accessibility (${LIGHTHOUSE_GOALS.accessibility}) | best practices (${LIGHTHOUSE_GOALS['best-practices']}) | SEO (${LIGHTHOUSE_GOALS.seo}) | FCP | LCP | TBT | CLS |`,
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...r.screens.map(
      (s) =>
        `| ${s.label} (\`${s.path.replace(/[0-9a-f-]{36}/, '{plan}')}\`) | ${CATEGORIES.map((c) => score(s, c)).join(' | ')} | ${Math.round(s.metrics.fcpMs)} ms | ${Math.round(s.metrics.lcpMs)} ms | ${Math.round(s.metrics.tbtMs)} ms | ${s.metrics.cls.toFixed(3)} |`,
    ),
    '',
    ...r.screens.flatMap((s) => {
      const left = CATEGORIES.flatMap((c) => s.failing[c].map((title) => `${c}: ${title}`));
      return left.length === 0 ? [] : [`- ${s.label}, not passing in the last run: ${left.join('; ')}.`];
    }),
    '',
    "SEO on a signed-in screen fails Lighthouse's *Page is blocked from indexing* by design: robots.txt keeps the screens behind sign-in and /api out of search engines (to a crawler they are the sign-in screen anyway) and allows only the public pages, the sign-in page and the tillgänglighetsredogörelse, which DIGG expects to be easy to find. Passing it on those screens would take letting search engines in, which the issue's own robots.txt ask rules out.",
    '',
    'Initial JavaScript of each first screen (the entry chunk and the chunks of the views a first visit passes through, with their static imports; build/screens.ts), compressed as the server sends it (brotli quality 11, gzip level 9, built beforehand):',
    '',
    '| screen | files | raw | gzip | brotli |',
    '| --- | --: | --: | --: | --: |',
    ...r.bytes.map((b) => `| ${b.label} | ${b.bytes.files.length} | ${kB(b.bytes.raw)} | ${kB(b.bytes.gzip)} | ${kB(b.bytes.brotli)} |`),
    `| **phone's first screen** (sign-in + Mina uppgifter; goal ≤ 100 kB gzip, build budget ${kB(r.budgetGzip)}) | ${r.phone.files.length} | ${kB(r.phone.raw)} | **${kB(r.phone.gzip)}** | ${kB(r.phone.brotli)} |`,
    '',
  ];
}
