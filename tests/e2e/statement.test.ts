import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launchChromium, PHONE, screenshot, signIn } from './browser.ts';

/**
 * The accessibility statement (tillgänglighetsredogörelse): public, with what DIGG asks for, the
 * installation's facts from its configuration (the demo's here), and readable offline once signed in.
 */
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ ...PHONE, baseURL: baseURL() });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const main = () => page.getByRole('main');

async function expectWholeStatement(where: string) {
  await page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' }).waitFor();
  await main().getByRole('link', { name: 'E-post: tillganglighet@malbild.example' }).waitFor();
  const text = await main().innerText();
  expect(text, where).toContain('Region Västmanland (demo) står bakom Målbild');
  expect(text, where).toContain('Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service');
  for (const heading of ['Det här är inte tillgängligt', 'Rapportera brister i tjänstens tillgänglighet', 'Tillsyn', 'Hur vi har testat tjänsten']) {
    expect(await main().getByRole('heading', { level: 2, name: heading }).count(), `${where}: ${heading}`).toBe(1);
  }
  expect(text, where).toMatch(/Senaste bedömningen gjordes den \d{1,2} [a-zé]{3,4}\.? 20\d\d\./);
  expect(text, where).toContain('200 % förstoring');
  expect(await main().getByRole('link', { name: 'E-post: tillganglighet@malbild.example' }).getAttribute('href')).toBe('mailto:tillganglighet@malbild.example');
  expect(await main().getByRole('link', { name: /Anmäl till DIGG/ }).getAttribute('href')).toBe('https://www.digg.se/tdosanmalan');
}

describe('the accessibility statement', () => {
  it('is linked from the sign-in screen and readable without signing in', async () => {
    await page.goto('/logga-in');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighet' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tillganglighet');
    await expectWholeStatement('signed out');
    await screenshot(page, 'statement-360');
  });

  it('opens without network for someone signed in, with where to report a problem', async () => {
    await signIn(page, 'namnd@malbild.example');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await context.setOffline(true);
    try {
      await page.goto('/tillganglighet');
      await expectWholeStatement('offline');
    } finally {
      await context.setOffline(false);
    }
  });
});
