import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchChromium, PHONE, signIn } from './browser.ts';

/**
 * Every screen says where you are in its document title (what tabs, history and screen readers read),
 * and a change of screen takes focus to the new screen's content. Reads only: the shared server.
 */
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await (await browser.newContext({ ...PHONE, baseURL: baseURL() })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const PLAN = 'Förvaltningsplan 2025–2027';
const nav = () => page.getByRole('navigation', { name: 'Huvudmeny' });
const titled = (title: string) => expect.poll(() => page.title(), { timeout: 10_000 }).toBe(title);

describe('document titles', () => {
  it('names the sign-in screen and the accessibility statement without a session', async () => {
    await page.goto('/logga-in');
    await titled('Logga in – Målbild');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await titled('Tillgänglighetsredogörelse – Målbild');
  });

  it('names each of a plan’s screens with the plan, and a record’s screen with the record', async () => {
    await signIn(page, 'bup@malbild.example');
    await titled(`Mina uppgifter – ${PLAN} – Målbild`);
    await nav().getByRole('link', { name: 'Översikt' }).click();
    await titled(`Översikt – ${PLAN} – Målbild`);
    await nav().getByRole('link', { name: 'Försenat' }).click();
    await titled(`Försenat – ${PLAN} – Målbild`);
    await nav().getByRole('link', { name: 'Mål' }).click();
    await titled(`Mål – ${PLAN} – Målbild`);
    await nav().getByRole('link', { name: 'Aktiviteter' }).click();
    await titled(`Aktiviteter – ${PLAN} – Målbild`);

    const first = page.getByRole('main').getByRole('link', { name: /^\d+\. / }).first();
    const name = (await first.innerText()).replace(/^\d+\.\s*/, '').split('\n')[0]!.trim();
    await first.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    await titled(`${name} – ${PLAN} – Målbild`);
    // Back on a screen without a record, the record's name goes with it.
    await page.goBack();
    await titled(`Aktiviteter – ${PLAN} – Målbild`);
  });

  it('takes focus to the new screen’s content on a change of screen, and not on a change of filter', async () => {
    await nav().getByRole('link', { name: 'Mina uppgifter' }).click();
    await titled(`Mina uppgifter – ${PLAN} – Målbild`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    const search = page.getByLabel('Sök bland mina uppgifter');
    await search.fill('plan');
    await expect.poll(() => page.url()).toContain('sok=plan');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await search.fill('');
  });

  it('links to the statement from the account menu, signed in, and the statement passes axe in light and dark', async () => {
    await page.locator('summary', { hasText: /Konto/ }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Tillgänglighet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
    await titled('Tillgänglighetsredogörelse – Målbild');
    await expectAccessible(page, 'accessibility statement');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'accessibility statement, dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
