import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceFile, startAppServer, type AppServer } from './appServer.ts';
import { baseURL, expectAccessible, launchChromium, launchChromiumWithProfile, PHONE, screenshot, signIn } from './browser.ts';

/**
 * The installable, offline app: manifest and icons, the service worker that keeps the app shell, a cold
 * start without network, and a new version that waits for the person instead of reloading under them.
 * Normal browser contexts, where service workers run.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const controlled = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

/** Signs in and waits until the service worker controls the page, as after a person's first visit. */
async function firstVisit(page: Page, email: string) {
  await signIn(page, email);
  await expect.poll(() => controlled(page), { timeout: 20_000 }).toBe(true);
}

/** Every URL the service worker keeps in Cache Storage. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });

describe('installing the app', () => {
  // A profile on disk: Chromium offers no installation in an off-the-record context such as newContext().
  const profile = mkdtempSync(join(tmpdir(), 'malbild-e2e-profile-'));
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await launchChromiumWithProfile(profile, { ...PHONE, baseURL: baseURL() });
    page = context.pages()[0] ?? (await context.newPage());
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('links a Swedish manifest whose icons all load', async () => {
    await page.goto('/logga-in');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await response.json();
    expect(manifest).toMatchObject({
      name: 'Målbild – mål och aktiviteter',
      short_name: 'Målbild',
      lang: 'sv',
      display: 'standalone',
      start_url: '/',
      scope: '/',
      background_color: '#f6f8fa',
      theme_color: '#f6f8fa',
    });
    expect(manifest.description).toEqual(expect.any(String));
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    const sizes = (purpose: string) => icons.filter((icon) => (icon.purpose ?? 'any').split(' ').includes(purpose)).map((icon) => icon.sizes);
    expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(sizes('maskable')).toEqual(expect.arrayContaining(['192x192', '512x512']));

    const appleIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
    expect(await page.locator('meta[name="apple-mobile-web-app-capable"]').getAttribute('content')).toBe('yes');
    expect(await page.locator('meta[name="apple-mobile-web-app-title"]').getAttribute('content')).toBe('Målbild');
    for (const src of [...icons.map((icon) => icon.src), appleIcon!]) {
      const image = await page.request.get(src);
      expect(image.status(), src).toBe(200);
      expect(image.headers()['content-type'], src).toBe('image/png');
      const body = await image.body();
      // The PNG's own header says its size (width and height at bytes 16 and 20): it must be what is declared.
      const declared = icons.find((icon) => icon.src === src)?.sizes ?? '180x180';
      expect(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, src).toBe(declared);
    }
  });

  it('is controlled by its service worker from the first visit on, and Chromium finds it installable', async () => {
    await firstVisit(page, 'namnd@malbild.example');
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    expect(await controlled(page)).toBe(true);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

    const worker = await page.request.get('/sw.js');
    expect(worker.headers()['content-type']).toContain('javascript');
    // The worker must be fetched anew at every update check: never marked immutable like /assets/*.
    expect(worker.headers()['cache-control'] ?? '').not.toContain('immutable');

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  });

  it('keeps the app shell in its cache, never an answer of the API', async () => {
    await page.getByRole('heading', { level: 1, name: 'Förvaltningsplan 2025–2027' }).waitFor({ timeout: 20_000 });
    const paths = (await cachedUrls(page)).map((url) => new URL(url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icons/icon-192.png']));
    expect(paths.some((path) => /^\/assets\/index-.+\.js$/.test(path))).toBe(true);
    expect(paths.filter((path) => path.startsWith('/api'))).toEqual([]);
    // Screens loaded on demand are precached too, so they open offline; the build's .br and .gz copies are not.
    expect(paths.some((path) => /^\/assets\/PlanGoalsView-.+\.js$/.test(path))).toBe(true);
    expect(paths.filter((path) => /\.(br|gz)$/.test(path))).toEqual([]);

    // An address of the API opened in the browser goes to the server, not to the app shell.
    const api = await page.goto('/api/health');
    expect(api?.fromServiceWorker()).toBe(false);
    expect(api?.headers()['content-type']).toContain('application/json');
    await page.goBack();
    // So does /robots.txt: its text, not the app's page.
    const robots = await page.goto('/robots.txt');
    expect(robots?.fromServiceWorker()).toBe(false);
    expect(robots?.headers()['content-type']).toContain('text/plain');
    expect(await robots?.text()).toContain('Disallow: /');
    await page.goBack();
  });
});

describe('a cold start without network, after one visit online', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ ...PHONE, baseURL: baseURL() });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('opens the app and the plan from the service worker and the device database', async () => {
    await firstVisit(page, 'namnd@malbild.example');
    // A committee member starts on the overview; the plan's goals are one tap away in the menu.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
    await page.waitForURL(/\/mal$/);
    const goal = page.getByRole('link', { name: /Förvaltningens verksamhet ska bedrivas med god tillgänglighet/ });
    await goal.waitFor({ timeout: 20_000 });
    const planUrl = page.url();

    await context.setOffline(true);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Förvaltningsplan 2025–2027' }).waitFor();
    await goal.waitFor();
    for (const perspective of ['Invånare', 'Medarbetare', 'Ekonomi']) {
      expect(await page.getByRole('heading', { level: 3, name: perspective }).isVisible(), perspective).toBe(true);
    }
    expect(await page.getByRole('status').filter({ hasText: 'Ingen anslutning' }).count()).toBe(1);
    await screenshot(page, 'pwa-offline-cold-start-360');

    // Any address of the app opens without network too, as from a bookmark.
    await page.goto(planUrl.replace(/\/mal$/, '/aktiviteter'));
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter per insatsområde' }).waitFor();
    // The API is never answered from a cache: without network a request to it fails.
    expect(await page.evaluate(() => fetch('/api/health').then(() => 'answered', () => 'failed'))).toBe('failed');
    await context.setOffline(false);
  });
});

describe('a network lost before the service worker took over the page', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    // No service worker at all: what a first visit has until the worker's precache is complete.
    context = await browser.newContext({ ...PHONE, baseURL: baseURL(), serviceWorkers: 'block' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('still opens every screen of the plan, whose code came in idle time after the first', async () => {
    await signIn(page, 'bup@malbild.example');
    await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('malbild:offline-screens').length > 0, undefined, { timeout: 20_000 });
    await context.setOffline(true);
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    for (const [link, heading] of [['Mål', 'Förvaltningsplan 2025–2027'], ['Aktiviteter', 'Aktiviteter per insatsområde'], ['Försenat', 'Försenat'], ['Översikt', 'Översikt']]) {
      await menu.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 20_000 });
    }
    await context.setOffline(false);
  });
});

describe('a new version while the person is typing', () => {
  const ACTIVITY = 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin';
  const COMMENT = 'Remissflödet är kartlagt, nästa steg är att se över väntelistan.';
  let deploy: AppServer;
  let context: BrowserContext;
  let page: Page;
  let builds = 1;

  /**
   * Deploys a new version on the test's own server: index.html changes (a marker says which build it is)
   * and so does its revision in the service worker's file list, as a real build would change both. A
   * rebuild would take longer and could not be told apart from the first build in the page.
   */
  function deployNewVersion() {
    builds += 1;
    const indexPath = join(deploy.clientDir, 'index.html');
    const swPath = join(deploy.clientDir, 'sw.js');
    const oldIndex = readFileSync(indexPath, 'utf8');
    const newIndex = oldIndex
      .replace(/<meta name="malbild-test-build"[^>]*>/, '')
      .replace('<head>', `<head><meta name="malbild-test-build" content="${builds}">`);
    const revision = (html: string) => createHash('md5').update(html).digest('hex');
    const sw = readFileSync(swPath, 'utf8');
    const entry = `{"revision":"${revision(oldIndex)}","url":"index.html"}`;
    expect(sw, 'the service worker lists index.html with its md5 as revision').toContain(entry);
    replaceFile(indexPath, newIndex);
    replaceFile(swPath, sw.replace(entry, `{"revision":"${revision(newIndex)}","url":"index.html"}`));
    return revision(newIndex);
  }
  /** What the app does by itself every hour, and the browser at navigations. */
  const checkForUpdate = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
  const prompt = () => page.getByRole('region', { name: 'Ny version av Målbild' });
  const card = () => page.getByRole('article').filter({ has: page.getByRole('heading', { name: ACTIVITY }) });
  const marker = () => page.evaluate(() => (window as unknown as { typedBeforeUpdate?: boolean }).typedBeforeUpdate === true);

  beforeAll(async () => {
    deploy = await startAppServer({ copyClient: true });
    context = await browser.newContext({ ...PHONE, baseURL: deploy.baseURL });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await deploy?.stop();
  });

  it('shows a calm prompt and neither reloads nor loses what is being typed', async () => {
    await firstVisit(page, 'bup@malbild.example');
    await page.reload();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter' }).click();
    await card().waitFor({ timeout: 20_000 });
    await card().getByText('Rapportera status').click();
    const comment = card().getByLabel('Kommentar');
    await comment.fill(COMMENT);
    await page.evaluate(() => {
      (window as unknown as { typedBeforeUpdate: boolean }).typedBeforeUpdate = true;
    });

    deployNewVersion();
    await checkForUpdate();
    await prompt().waitFor({ timeout: 20_000 });
    expect(await prompt().innerText()).toContain('En ny version av Målbild finns. Uppdatera när det passar – det du har skrivit sparas.');
    // Some seconds later: still the same page, with the text as it was typed.
    await page.waitForTimeout(1_500);
    expect(await marker()).toBe(true);
    expect(await comment.inputValue()).toBe(COMMENT);
    expect(await page.evaluate(() => document.querySelector('meta[name="malbild-test-build"]'))).toBeNull();
    // The field being typed in stays in sight, above the prompt.
    const field = (await comment.boundingBox())!;
    const promptBox = (await prompt().boundingBox())!;
    expect(field.y).toBeGreaterThanOrEqual(0);
    expect(field.y + field.height).toBeLessThanOrEqual(promptBox.y);

    for (const name of ['Uppdatera nu', 'Senare']) {
      const box = (await prompt().getByRole('button', { name }).boundingBox())!;
      expect(box.height, name).toBeGreaterThanOrEqual(44);
      expect(box.width, name).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'pwa-update-prompt-360');
    await expectAccessible(page, 'update prompt');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'pwa-update-prompt-dark-360');
    await expectAccessible(page, 'update prompt, dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('updates when the person chooses to, and what they were typing is still there', async () => {
    const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    // By keyboard: the prompt's buttons are ordinary buttons.
    await prompt().getByRole('button', { name: 'Uppdatera nu' }).focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);

    expect(await marker()).toBe(false);
    expect(await page.locator('meta[name="malbild-test-build"]').getAttribute('content')).toBe(String(builds));
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(before);
    // The new worker's file list is the one in use: the old revision of index.html is gone from the cache.
    const indexRevisions = (await cachedUrls(page)).filter((url) => new URL(url).pathname === '/index.html');
    expect(indexRevisions).toHaveLength(1);
    expect(await prompt().count()).toBe(0);

    // The comment being typed was kept on the device through the reload, ready to be saved.
    await card().waitFor({ timeout: 20_000 });
    await card().getByText('Rapportera status').click();
    await expect.poll(() => card().getByLabel('Kommentar').inputValue()).toBe(COMMENT);
  });

  it('"Senare" hides the prompt without reloading, and the next start offers the version again', async () => {
    const revision = deployNewVersion();
    await page.evaluate(() => {
      (window as unknown as { typedBeforeUpdate: boolean }).typedBeforeUpdate = true;
    });
    await checkForUpdate();
    await prompt().waitFor({ timeout: 20_000 });
    await prompt().getByRole('button', { name: 'Senare' }).click();
    expect(await prompt().count()).toBe(0);
    expect(await marker()).toBe(true);

    await page.reload();
    await prompt().waitFor({ timeout: 20_000 });
    // Still the old version until the person chooses the new one.
    expect(await page.locator('meta[name="malbild-test-build"]').getAttribute('content')).toBe(String(builds - 1));
    expect((await cachedUrls(page)).some((url) => url.includes(revision))).toBe(true);
  });
});
