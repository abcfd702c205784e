import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './appServer.ts';
import { expectAccessible, launchChromium, PHONE, screenshot, signIn } from './browser.ts';

/** The BUP unit manager opens the app and starts with what they are responsible for. */
let server: AppServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // This file changes data; a server of its own keeps other files from seeing it.
  server = await startAppServer();
  browser = await launchChromium();
  context = await browser.newContext({ ...PHONE, baseURL: server.baseURL });
  page = await context.newPage();
  await signIn(page, 'bup@malbild.example');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ACTIVITY = 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin';
const item = () => page.getByRole('article').filter({ has: page.getByRole('heading', { name: ACTIVITY }) });

describe('Mina uppgifter', () => {
  it('is where a rapportör starts, grouped by what needs doing, with counts', async () => {
    await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    expect(page.url()).toMatch(/\/mina-uppgifter$/);
    for (const heading of [/^Behöver åtgärd/, /^Utfall att lägga in \(\d+\)/, /^Mål att bedöma/, /^Mina aktiviteter \(\d+\)/]) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor({ timeout: 10_000 });
    }
    expect(await item().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
    await screenshot(page, 'tasks-360');
    await expectAccessible(page, 'Mina uppgifter');
  });

  it('filters by search text and by status, kept in the address', async () => {
    await page.getByLabel('Sök bland mina uppgifter').fill('ungdomspsyk');
    await expect.poll(() => page.url()).toContain('sok=ungdomspsyk');
    expect(await item().isVisible()).toBe(true);
    await page.getByLabel('Status').selectOption('Klar');
    await expect.poll(() => item().count()).toBe(0);
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Sök bland mina uppgifter').fill('');
  });

  it('keeps a comment being typed through a reload', async () => {
    await item().getByText('Rapportera status').click();
    await item().getByLabel('Kommentar').fill('Halvfärdig tanke om lokalerna');
    await page.waitForTimeout(400);
    await page.reload();
    await item().getByText('Rapportera status').click();
    await expect.poll(() => item().getByLabel('Kommentar').inputValue()).toBe('Halvfärdig tanke om lokalerna');
    await item().getByText('Rapportera status').click();
  });

  it('sets an activity to Försenad with a comment in three taps plus typing, without network', async () => {
    await context.setOffline(true);
    await item().getByText('Rapportera status').click();
    await item().getByRole('radio', { name: 'Försenad' }).check();
    await item().getByLabel('Kommentar').fill('Väntar på beslut om lokaler.');
    await item().getByRole('button', { name: 'Spara' }).click();
    await item().getByText('Väntar på att skickas').waitFor();
    // Försenad needs attention: the activity moves to the top group.
    await page.getByRole('heading', { level: 2, name: 'Behöver åtgärd (1)' }).waitFor();
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Alla ändringar sparade' }).waitFor({ timeout: 20_000 });
    expect(await item().getByText('Väntar på att skickas').count()).toBe(0);
  });
});

describe('an activity of its own', () => {
  it('shows what it links to and its whole history, the newest first', async () => {
    await item().getByRole('link', { name: new RegExp(ACTIVITY) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(ACTIVITY) }).waitFor();
    const history = page.getByRole('list').filter({ hasText: 'Väntar på beslut om lokaler.' });
    const first = history.getByRole('listitem').first();
    expect(await first.innerText()).toMatch(/Bo Rapportör \(BUP\)[\s\S]*Status: Försenad[\s\S]*Väntar på beslut om lokaler\./);
    expect(await page.getByText('Barn- och ungdomspsykiatri').first().isVisible()).toBe(true);
    await screenshot(page, 'activity-360');
    await expectAccessible(page, 'activity');
  });
});
