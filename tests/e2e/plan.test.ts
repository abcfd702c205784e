import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchChromium, PHONE, screenshot, signIn } from './browser.ts';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ ...PHONE, baseURL: baseURL() });
  page = await context.newPage();
  // A committee member reads the whole region's plan.
  await signIn(page, 'namnd@malbild.example');
});
afterAll(async () => {
  await browser?.close();
});

/** How many records of a kind the device holds in IndexedDB. */
const deviceCount = (table: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('malbild');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );

describe('the plan on a 360 px phone, read from IndexedDB', () => {
  it('pulls the plan onto the device and shows its goals by perspective', async () => {
    await page.goto('/');
    // A reader starts on the overview; the goals are one tap away in the menu.
    await page.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2025–2027' }).waitFor({ timeout: 20_000 });
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Förvaltningsplan 2025–2027' }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(page.url()).toMatch(/\/planer\/[0-9a-f-]{36}\/mal$/);
    await expect.poll(() => deviceCount('indicator')).toBeGreaterThan(60);
    for (const perspective of ['Invånare', 'Process', 'Medarbetare', 'Ekonomi']) {
      await page.getByRole('heading', { level: 3, name: perspective }).waitFor();
    }
    expect(await page.getByRole('link', { name: /Förvaltningens verksamhet ska bedrivas med god tillgänglighet/ }).isVisible()).toBe(true);
    await page.getByRole('status').getByRole('button', { name: /uppdaterad/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'plan-goals-360');
    await expectAccessible(page, 'goals');
  });

  it('works from the device when the network is gone: a goal with its indicators, target, baseline, status and trend', async () => {
    await context.setOffline(true);
    await page.getByRole('link', { name: /Förvaltningens verksamhet ska bedrivas med god tillgänglighet/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Förvaltningens verksamhet ska bedrivas med god tillgänglighet' }).waitFor();
    const card = page.getByRole('article').filter({ hasText: 'Medelväntetid (minuter) för besvarade samtal på 1177 telefon' });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('8 min');
    expect(text).toContain('15,1 min');
    expect(text).toMatch(/Uppfyllt|Nära målet|Ej uppfyllt/);
    expect(text).toContain('Exempeldata');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Ingen anslutning');
    await screenshot(page, 'goal-360');
    await expectAccessible(page, 'goal');
    await context.setOffline(false);
  });

  it('lists the activities by focus area with their status', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter per insatsområde' }).waitFor();
    // The view's heading is drawn before the device's records are read into it.
    await expect.poll(() => page.getByRole('heading', { level: 2 }).count()).toBe(5);
    expect(await page.getByRole('article').filter({ hasText: 'Oberoende av hyrbemanning' }).isVisible()).toBe(true);
    await screenshot(page, 'activities-360');
    await expectAccessible(page, 'activities');
  });

  it('shows the plan’s assignments with who gave them, status, slutdatum and the activities carrying them out', async () => {
    await page.getByRole('link', { name: /^Planens uppdrag \(14\)$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Uppdrag' }).waitFor();
    const rf7 = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /^RF7 Under 2025 ska HSF prioritera digital teknik/ }) });
    const text = await rf7.innerText();
    expect(text).toMatch(/Givet av\s+Regionfullmäktige/);
    expect(text).toMatch(/Riktas till\s+HSF/);
    expect(text).toMatch(/Slutdatum\s+31 dec\. 2025\s*Passerat/);
    expect(text).toMatch(/Genomförs av \d+ aktivitet/);
    // RF2 before RF11, as people count; a nämnd's own assignments, without codes, after them.
    const codes = await page.locator('.assignment__code').allInnerTexts();
    expect(codes).toEqual(['RF1', 'RF2', 'RF7', 'RF11', 'RF12']);
    expect(await page.getByText('Nämnd', { exact: true }).count()).toBe(9);
    // A committee member reads; only whoever answers for an assignment reports on it.
    expect(await page.getByText('Rapportera status').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'assignments');
    await page.getByRole('link', { name: '← Aktiviteter' }).click();
  });

  it('shows the 2024 plan with the statuses and comments of Delårsrapport 1 2024, in dark mode too', async () => {
    const planPicker = page.getByRole('combobox', { name: 'Plan' });
    const plan2024 = await planPicker.locator('option', { hasText: '2024' }).first().getAttribute('value');
    await planPicker.selectOption(plan2024!);
    const webbtid = page.getByRole('article').filter({ hasText: 'Webbtidböcker' });
    await webbtid.waitFor();
    expect(await webbtid.innerText()).toContain('Försenad');
    const hypertoni = page.getByRole('article').filter({ hasText: 'Stärkt egenvård vid nyupptäckt hypertoni' });
    expect(await hypertoni.innerText()).toContain('Svårighet att rekrytera patienter.');

    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    await screenshot(page, 'activities-2024-dark-360');
    await expectAccessible(page, 'activities 2024, dark');
  });

  it('shows an indicator of the 2024 plan evaluated against its target, in dark mode', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
    await page.getByRole('link', { name: /Förvaltningens verksamhet ska bedrivas med god tillgänglighet/ }).click();
    const bup = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'BUP, besök', exact: true }) });
    await bup.waitFor();
    const text = await bup.innerText();
    expect(text).toContain('20,2 %');
    expect(text).toContain('Ej uppfyllt');
    expect(text).toContain('Negativ trend');
    expect(text).toContain('Högt inflöde ger lägre tillgänglighet');
    await screenshot(page, 'goal-2024-dark-360');
    await expectAccessible(page, 'goal 2024, dark');
  });
});
