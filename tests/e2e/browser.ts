import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTIFACTS = 'tests/artifacts';

/** Debian's Chromium, started the way this machine allows (no sandbox as root, no background network). */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/**
 * Chromium with a profile on disk, one context: for what a browser does only outside an off-the-record
 * context (every `browser.newContext()` is one), such as offering to install the app.
 */
export function launchChromiumWithProfile(userDataDir: string, options: BrowserContextOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...CHROMIUM, ...options });
}

export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE' };

export const baseURL = () => inject('baseURL');

/** Runs axe (WCAG 2.1 A and AA rules) on the page and fails with the violations listed readably. */
export async function expectAccessible(page: Page, label: string) {
  // Evaluated rather than added as a <script>: the app's CSP (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  expect(violations, `axe on ${label}`).toEqual([]);
}

/** Keeps a picture of each main screen so a person can look at what the test saw. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: false });
}

/** The password of every demo account (`npm start` creates them in demo mode). */
export const DEMO_PASSWORD = 'demo-losenord-2026';

/**
 * Signs in on the sign-in screen as a person would, and waits until the app has let them in and (from
 * the start page) moved on to the plan the device pulled.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => url.pathname !== '/logga-in' && url.pathname !== '/', { timeout: 20_000 });
}

/** A person of their own browser context (their own device: storage, service worker, network), signed in. */
export async function signedInDevice(browser: Browser, url: string, email: string, device: BrowserContextOptions = PHONE) {
  const context = await browser.newContext({ ...device, baseURL: url });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/**
 * Opens the demo's 2024 plan at the goal of good accessibility and answers the card of its indicator
 * "BUP, utredning", where a BUP rapportör enters outcomes (in percent) in the browser tests.
 */
export async function bupUtredningCard(page: Page) {
  const plans = page.getByRole('combobox', { name: 'Plan' });
  const planId = (await plans.locator('option', { hasText: '2024' }).first().getAttribute('value'))!;
  await plans.selectOption(planId);
  // Changing plan keeps the screen; the menu's links name the new plan once the address does.
  await page.waitForURL((url) => url.pathname.includes(planId));
  // The sync state's details, left open on a phone, lie over the bottom menu: closed first, as a person would.
  const openDetails = page.getByRole('status').getByRole('button', { expanded: true });
  if ((await openDetails.count()) > 0) await openDetails.click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
  await page.getByRole('link', { name: /god tillgänglighet/ }).click();
  return page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'BUP, utredning', exact: true }) });
}

/**
 * On a phone the header's sync state is one line; what was refused, the link to the changes and Synka nu
 * are one tap on it away. Opens that, where the screen is narrow enough to have it; a wider one shows them.
 */
export async function openSyncDetails(page: Page) {
  const toggle = page.getByRole('status').getByRole('button', { expanded: false });
  if ((await toggle.count()) > 0) await toggle.click();
}
