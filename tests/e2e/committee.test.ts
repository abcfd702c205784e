import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, DEMO_PASSWORD, expectAccessible, launchChromium, PHONE, screenshot, signIn } from './browser.ts';

/**
 * A nämnd member (läsare on the whole region) on a tablet before a committee meeting: Delår 1 2024 at a
 * glance, what is delayed and why, a key figure over time, and all of it again without network.
 */
const TABLET: BrowserContextOptions = { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'sv-SE' };

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ ...TABLET, baseURL: baseURL() });
  page = await context.newPage();
  await signIn(page, 'namnd@malbild.example');
});
afterAll(async () => {
  await browser?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Huvudmeny' });
/** A key figure's tile on the overview, found by its heading. */
const tile = (name: string) => page.getByRole('article').filter({ has: page.getByRole('heading', { name, exact: true }) });

/** A reader sees nothing to change: no report, assessment or outcome form, no text field but search. */
async function expectReadOnly(where: string) {
  expect(await page.locator('textarea').count(), `${where}: textarea`).toBe(0);
  // The overview's filter checkbox changes what is shown, not the data.
  expect(await page.locator('input:not([type="search"]):not([type="checkbox"])').count(), `${where}: input`).toBe(0);
  expect(await page.getByRole('button', { name: /Spara|Rapportera|Lägg in|Bedöm|Välj /i }).count(), `${where}: buttons`).toBe(0);
  expect(await page.locator('summary').filter({ hasText: /Rapportera|Lägg in|Bedöm/ }).count(), `${where}: forms`).toBe(0);
}

/** The computed colour a CSS variable of the theme resolves to, as the browser paints it. */
const themeColour = (variable: string) =>
  page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, variable);

const noSideways = async (width: number) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

describe('the committee’s overview on a 1024×768 tablet, read from the device', () => {
  it('opens Delår 1 2024 with goal fulfilment, what is not met and the trend on the first screen, the filters out of the way', async () => {
    await page.getByRole('heading', { level: 1, name: 'Förvaltningsplan 2025–2027' }).waitFor({ timeout: 20_000 });
    const planPicker = page.getByRole('combobox', { name: 'Plan' });
    const plan2024 = await planPicker.locator('option', { hasText: 'Förvaltningsplan 2024' }).getAttribute('value');
    await planPicker.selectOption(plan2024!);
    // The other plan opens on the same screen, the overview, not on its goal list.
    await page.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2024' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/planer/${plan2024}/oversikt`);

    // The plan's latest report point with reporting is chosen, and written into the address.
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2024-T1');
    const lead = page.getByRole('region', { name: 'Måluppfyllelse Delår 1 2024' });
    await lead.waitFor();
    const leadText = await lead.innerText();
    // The plan's own scale (positiv/oförändrad/negativ), each goal once, each indicator once.
    expect(leadText).toMatch(/7 mål\s+↗ Positiv 2\s+→ Oförändrad 3\s+↘ Negativ 2\s+– Ej bedömd 0/);
    expect(leadText).toMatch(/24 indikatorer\s+✓ Uppfyllt \d+\s+≈ Nära målet \d+\s+✕ Ej uppfyllt \d+\s+– Ej bedömd \d+/);
    expect(leadText).toMatch(/Trend mot samma period året före\s+↗ \d+ positiva?\s+→ \d+ oförändrade?\s+↘ \d+ negativa?/);
    const delayedLink = lead.getByRole('link', { name: '5 aktiviteter försenade eller avbrutna' });
    const unmetLink = lead.getByRole('link', { name: /^\d+ indikatorer? når inte målvärdet$/ });
    await screenshot(page, 'committee-overview-1024');
    // Above the fold of the tablet, over the menu at its foot: from the heading to the links to what is not met.
    const fold = Math.min(768, (await nav().boundingBox())!.y);
    expect(fold).toBeGreaterThan(600);
    for (const part of [lead.getByRole('heading', { level: 2 }), unmetLink, delayedLink]) {
      const box = await part.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(fold);
    }
    // The filters are one line, closed, until asked for; the chosen period is still the one shown.
    expect(await page.getByRole('combobox', { name: 'Period' }).isVisible()).toBe(false);
    expect(await page.getByRole('combobox', { name: 'Period', includeHidden: true }).inputValue()).toBe('2024-T1');
    await page.getByText('Filter och sök · Delår 1 2024 · Hela planen').click();
    expect(await page.getByRole('combobox', { name: 'Period' }).isVisible()).toBe(true);
    await page.getByText('Filter och sök · Delår 1 2024 · Hela planen').click();

    // The plan at a glance: a perspective per row, counted, closed; a 24-indicator plan fits about a screen and a half.
    const process = page.getByRole('button', { name: /^Tjänsterna håller god kvalitet och är hållbara/ });
    expect(await process.getAttribute('aria-expanded')).toBe('false');
    expect(await process.innerText()).toMatch(/15 indikatorer: \d+ uppfyllda?, .*\d+ ej uppfyllda?.* · 3 mål/);
    expect(await tile('BUP, besök').count()).toBe(0);
    const glance = page.getByRole('region', { name: 'Planen i korthet' });
    expect((await glance.boundingBox())!.height).toBeLessThan(768);

    // Opened, it shows its goals and key figures, and the address keeps it open.
    await process.click();
    expect(await process.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => new URL(page.url()).searchParams.get('oppna')).toBe('process');
    const bup = tile('BUP, besök');
    await bup.waitFor();
    const bupText = await bup.innerText();
    expect(bupText).toContain('20,2 %');
    expect(bupText).toContain('Målvärde 90 %');
    expect(bupText).toContain('Ej uppfyllt');
    expect(bupText).toContain('Negativ trend');
    expect(bupText).toContain('Delår 1 2023: 51,3 %');

    const wait = tile('Medelväntetid 1177');
    const waitText = await wait.innerText();
    expect(waitText).toContain('11:35 min');
    expect(waitText).toContain('Målvärde 8 min');
    expect(waitText).toContain('Ej uppfyllt');
    // Lower is better: 11:35 after 15:01 is a better result, whatever the arrow of the number.
    expect(waitText).toContain('Positiv trend');

    // The colour says good or bad, not high or low: 2,2 % pressure ulcers (lower is better) is green, 20,2 % BUP red.
    const ulcers = tile('Trycksår i slutenvård 2–4');
    expect(await ulcers.innerText()).toContain('Uppfyllt');
    const border = (article: typeof bup) => article.evaluate((el) => getComputedStyle(el).borderLeftColor);
    expect(await border(ulcers)).toBe(await themeColour('--met'));
    expect(await border(bup)).toBe(await themeColour('--notMet'));
    expect(await border(wait)).toBe(await themeColour('--notMet'));

    // The little curve has its numbers as a table too.
    await bup.getByText('Visa som tabell').click();
    const curve = bup.getByRole('table', { name: 'BUP, besök: utfallen i den lilla kurvan' });
    expect(await curve.getByRole('row').allInnerTexts()).toEqual(['Period\tUtfall', 'Delår 1 2023\t51,3 %', 'Delår 1 2024\t20,2 %']);

    // Goal fulfilment of the perspective: counts and shares of the assessments, and of the indicators.
    const fulfilment = page.getByRole('article', { name: 'Tjänsterna håller god kvalitet och är hållbara' });
    const processText = await fulfilment.innerText();
    expect(processText).toMatch(/Positiv\s+1 \(33 %\)/);
    expect(processText).toMatch(/Oförändrad\s+2 \(67 %\)/);
    expect(processText).toMatch(/Ej uppfyllt\s+\d+ \(\d+ %\)/);
    expect(await fulfilment.getByRole('link', { name: 'Förvaltningens verksamhet ska bedrivas med god tillgänglighet' }).isVisible()).toBe(true);

    // Multi-column: the key figures stand side by side, and nothing scrolls sideways.
    const [first, second] = [await bup.boundingBox(), await tile('BUP, utredning').boundingBox()];
    expect(second!.y).toBe(first!.y);
    expect(second!.x).toBeGreaterThan(first!.x);
    await noSideways(1024);

    // Only what is not reached: the met pressure ulcers go, BUP stays, and the address says so.
    await page.getByRole('checkbox', { name: 'Bara det som inte nås' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('bara')).toBe('inte-nadda');
    await expect.poll(() => tile('Trycksår i slutenvård 2–4').count()).toBe(0);
    expect(await tile('BUP, besök').isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: 'Bara det som inte nås' }).uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('bara')).toBeNull();

    // Activities per focus area, as a table with the totals of the delårsrapport.
    const table = page.getByRole('table', { name: /Antal aktiviteter per status och insatsområde/ });
    const totals = await table.locator('tfoot tr').innerText();
    expect(totals.split(/\s+/).filter((cell) => /^\d+$/.test(cell))).toEqual(['54', '5', '2', '0', '0', '13', '74']);
    expect(await table.getByRole('columnheader', { name: 'Försenad' }).count()).toBe(1);

    await expectReadOnly('overview');
    await expectAccessible(page, 'committee overview');
  });

  it('lists what is delayed and not met with the latest comment, and opens an item beside the list', async () => {
    await nav().getByRole('link', { name: 'Försenat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Försenat och ej uppfyllt' }).waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBe('2024-T1');

    const list = page.locator('.master-detail__list');
    const item = (title: string) => list.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });
    const webbtid = item('Webbtidböcker');
    await webbtid.waitFor();
    expect(await webbtid.innerText()).toContain('Försenad');
    expect(await webbtid.innerText()).toContain('Klustring av de olika vårdtjänsterna har genomförts. Schemaläggningen behöver bli mer långsiktig');
    const hypertoni = item('Stärkt egenvård vid nyupptäckt hypertoni');
    expect(await hypertoni.innerText()).toContain('Försenad');
    expect(await hypertoni.innerText()).toContain('Svårighet att rekrytera patienter.');
    expect(await page.getByRole('heading', { level: 2, name: /Aktiviteter försenade eller avbrutna \(5\)/ }).isVisible()).toBe(true);
    const bup = item('BUP, besök');
    expect(await bup.innerText()).toContain('Högt inflöde ger lägre tillgänglighet, trots ökad produktion');

    // Portrait, 768 px: a split status wraps between parts, never between a part and its own status, so
    // each part is one box holding its name and its badge, on one line.
    await page.setViewportSize({ width: 768, height: 1024 });
    const split = item('Utveckla arbetssätt för kontakt med patienter genom digitala lösningar');
    const parts = split.getByRole('list', { name: 'Status per del' }).getByRole('listitem');
    expect(await parts.allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Digitalt grundutbud:\s+\S+\s*Försenad$/), expect.stringMatching(/^Triagering\/chatt:\s+\S+\s*Enligt plan$/)]));
    for (const part of await parts.all()) {
      const box = (await part.boundingBox())!;
      const lineHeight = await part.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || 24);
      expect(box.height, `${await part.innerText()} on one line`).toBeLessThan(lineHeight * 1.9);
    }
    await page.setViewportSize(TABLET.viewport!);

    // Master–detail: the chosen activity opens beside the list, and the choice is in the address.
    await webbtid.getByRole('link', { name: '61. Webbtidböcker' }).click();
    const detail = page.getByRole('region', { name: 'Detaljer' });
    await detail.getByRole('heading', { name: /Webbtidböcker/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('valt')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await detail.innerText()).toContain('Henrik Lindholm');
    expect(await webbtid.isVisible()).toBe(true);
    const [listBox, pane] = [await list.boundingBox(), await detail.boundingBox()];
    expect(pane!.x).toBeGreaterThan(listBox!.x + listBox!.width - 1);

    await expectReadOnly('delayed');
    await screenshot(page, 'committee-delayed-1024');
    await expectAccessible(page, 'committee delayed');
  });

  it('draws a key figure over time with its target line, loading the chart only then, beside a table of the same values', async () => {
    const loadedChart = () => page.evaluate(() => performance.getEntriesByType('resource').some((entry) => /committeeChart-[^/]*\.js$/.test(entry.name)));
    expect(await loadedChart()).toBe(false);

    await page.locator('.master-detail__list').getByRole('link', { name: 'BUP, besök' }).click();
    await page.getByRole('region', { name: 'Detaljer' }).getByRole('link', { name: 'Diagram, tabell och alla kommentarer' }).click();
    await page.getByRole('heading', { level: 1, name: 'BUP, besök' }).waitFor();

    const chart = page.getByRole('img', { name: /BUP, besök per delår från Delår 1 2023 till Delår 1 2024\. Målvärde 90 %/ });
    await chart.waitFor();
    // The legend lists what uPlot was given to draw: the outcomes and the target line.
    const legend = page.locator('figcaption');
    await legend.getByText('Målvärde 90 %').waitFor();
    expect(await legend.innerText()).toContain('Utfall');
    expect(await loadedChart()).toBe(true);
    const painted = await chart.locator('canvas').first().evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
      return count;
    });
    expect(painted).toBeGreaterThan(500);

    const table = page.getByRole('table', { name: 'BUP, besök: utfall per delår, målvärde och kommentar' });
    const row = (period: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: period }) });
    const latest = await row('Delår 1 2024').getByRole('cell').allInnerTexts();
    expect(latest.map((cell) => cell.replace(/^[↗→↘]\s*/, ''))).toEqual(['20,2 %', '90 %', 'Negativ trend', 'Högt inflöde ger lägre tillgänglighet, trots ökad produktion']);
    const before = await row('Delår 1 2023').getByRole('cell').allInnerTexts();
    expect(before.slice(0, 2)).toEqual(['51,3 %', '90 %']);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Period', 'Utfall', 'Målvärde', 'Jämfört med året före', 'Kommentar']);
    // One row for each point the chart draws, from the first period its summary names to the last.
    expect(await table.locator('tbody tr').count()).toBe(2);

    await expectReadOnly('indicator');
    await screenshot(page, 'committee-indicator-1024');
    await expectAccessible(page, 'committee indicator');
  });

  it('finds goals, indicators and activities by a word, and opens an activity beside the results', async () => {
    await page.getByRole('link', { name: 'Översikt' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2024' }).waitFor();
    await page.getByText(/^Filter och sök/).click();
    await page.getByRole('searchbox', { name: 'Sök bland mål, indikatorer och aktiviteter' }).fill('tillgänglig');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sök' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('tillgänglig');
    await page.getByRole('heading', { level: 2, name: /Mål \(\d+\)/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Förvaltningens verksamhet ska bedrivas med god tillgänglighet' }).isVisible()).toBe(true);

    // Under a valid query the hint asking for two characters is gone, and a result starts with its name.
    expect(await page.getByText('Skriv minst två tecken.').count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Sök bland mål, indikatorer och aktiviteter' }).fill('BUP, utredning');
    const indicators = page.getByRole('region', { name: /Indikatorer/ });
    await indicators.getByRole('link', { name: 'BUP, utredning' }).waitFor();
    for (const item of await indicators.getByRole('listitem').all()) expect(await item.innerText()).toMatch(/^BUP, utredning\s+Målvärde /);
    await page.getByRole('searchbox', { name: 'Sök bland mål, indikatorer och aktiviteter' }).fill('h');
    await page.getByText('Skriv minst två tecken.').waitFor();

    await page.getByRole('searchbox', { name: 'Sök bland mål, indikatorer och aktiviteter' }).fill('hypertoni');
    await page.getByRole('link', { name: '31. Stärkt egenvård vid nyupptäckt hypertoni' }).click();
    const detail = page.getByRole('region', { name: 'Detaljer' });
    await detail.getByRole('heading', { level: 2, name: /Stärkt egenvård vid nyupptäckt hypertoni/ }).waitFor();
    expect(await detail.innerText()).toContain('Svårighet att rekrytera patienter.');
    expect(new URL(page.url()).searchParams.get('q')).toBe('hypertoni');
    await expectReadOnly('search');
    await expectAccessible(page, 'committee search');
  });

  it('marks generated example outcomes as Exempeldata on the tile, above the chart and in the table', async () => {
    const planPicker = page.getByRole('combobox', { name: 'Plan' });
    const plan2025 = await planPicker.locator('option', { hasText: 'Förvaltningsplan 2025–2027' }).getAttribute('value');
    await planPicker.selectOption(plan2025!);
    await nav().getByRole('link', { name: 'Översikt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2025–2027' }).waitFor();
    // The plan's latest report point that has ended, with the months reported in it.
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2026-T2');
    // Goals are not assessed for a month: no stretch of "Ej bedömd" for October.
    expect(await page.getByRole('region', { name: 'Måluppfyllelse Delår 2 2026' }).innerText()).toMatch(/44 indikatorer/);
    await page.getByRole('button', { name: /^Process/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('oppna')).toBe('process');
    const wait = tile('Medelväntetid (minuter) för besvarade samtal på 1177 telefon');
    await wait.waitFor();
    expect(await wait.innerText()).toContain('Exempeldata');
    expect(await wait.innerText()).toMatch(/Nuläge\s+15,1 min\s+\(2023\)/);
    await wait.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Medelväntetid (minuter) för besvarade samtal på 1177 telefon' }).waitFor();
    await page.getByRole('note').filter({ hasText: 'Exempeldata: värdena är påhittade' }).waitFor();
    await page.locator('figcaption').getByText('Målvärde 8 min').waitFor();
    const firstRow = page.getByRole('table').getByRole('row').nth(1);
    expect(await firstRow.innerText()).toContain('Exempeldata');
    await expectAccessible(page, 'committee indicator with example data');
  });

  it('reads as well in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('figcaption').getByText('Målvärde 8 min').waitFor();
    await screenshot(page, 'committee-indicator-dark-1024');
    await expectAccessible(page, 'committee indicator, dark');
    // Back keeps the perspective opened before.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2025–2027' }).waitFor();
    expect(await page.getByRole('button', { name: /^Process/ }).getAttribute('aria-expanded')).toBe('true');
    await tile('Medelväntetid (minuter) för besvarade samtal på 1177 telefon').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    await screenshot(page, 'committee-overview-dark-1024');
    await expectAccessible(page, 'committee overview, dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('fits a 1024 px tablet: tags whole, the activity table inside its region, and the Visa select showing its text', async () => {
    await page.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2025–2027' }).waitFor();
    const tags = page.getByText('Exempeldata', { exact: true });
    await tags.first().waitFor();
    // A tag broken inside its word is two lines: boxes at two heights (inline) or a box two lines tall (a flex item).
    const lines = await tags.evaluateAll((elements) =>
      elements.map((el) => {
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
        const tops = new Set([...el.getClientRects()].map((r) => Math.round(r.top)));
        return tops.size === 1 && el.getBoundingClientRect().height < lineHeight * 1.5 ? 'one line' : el.getBoundingClientRect().height;
      }),
    );
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.filter((n) => n !== 'one line'), 'tags on more than one line').toEqual([]);

    const table = page.getByRole('region', { name: /^Antal aktiviteter per status och insatsområde/ });
    await table.scrollIntoViewIfNeeded();
    expect(await table.getAttribute('tabindex'), 'scrollable from the keyboard').toBe('0');
    const [scrollWidth, clientWidth] = await table.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth, 'the activity table fits its region').toBeLessThanOrEqual(clientWidth);
    expect(await table.getByRole('columnheader', { name: 'Totalt' }).isVisible()).toBe(true);
    await noSideways(1024);

    await nav().getByRole('link', { name: 'Försenat' }).click();
    const show = page.getByLabel('Visa', { exact: true });
    await show.waitFor();
    // A select as wide as it would make itself unhindered (its longest option) shows its text whole.
    const [width, needed] = await show.evaluate((select) => {
      const free = select.cloneNode(true) as HTMLSelectElement;
      free.removeAttribute('id');
      Object.assign(free.style, { position: 'absolute', visibility: 'hidden', width: 'auto', minWidth: '0', maxWidth: 'none' });
      select.parentElement!.append(free);
      const widths = [select.getBoundingClientRect().width, free.getBoundingClientRect().width];
      free.remove();
      return widths as [number, number];
    });
    expect(width, 'the Visa select is as wide as its text').toBeGreaterThanOrEqual(needed - 0.5);
    await screenshot(page, 'committee-delayed-1024');
    await expectAccessible(page, 'Försenat at 1024 px');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'Försenat at 1024 px, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await nav().getByRole('link', { name: 'Översikt' }).click();
  });
});

describe('without network', () => {
  it('opens the same overview after a reload offline, says how fresh it is, and warns once it is more than a day old', async () => {
    const planPicker = page.getByRole('combobox', { name: 'Plan' });
    const plan2024 = await planPicker.locator('option', { hasText: 'Förvaltningsplan 2024' }).getAttribute('value');
    // The overview's own address, without a period: the latest report point with data is shown.
    await page.goto(`/planer/${plan2024}/oversikt?oppna=process`);
    await tile('BUP, besök').waitFor({ timeout: 20_000 });
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2024-T1');
    const online = await page.locator('.committee-freshness').innerText();
    expect(online).toMatch(/Uppgifterna på enheten hämtades \d{1,2} [a-z]+\.? \d{4} \d{2}:\d{2}\./);
    // The service worker keeps the app shell; a reload without network comes from it and the device database.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);

    await context.setOffline(true);
    // What the overview says before the reload: nothing can be pulled between this reading and the next.
    await page.getByText('Ingen anslutning – du ser det som senast hämtades till enheten.').waitFor();
    const before = await page.locator('.committee-freshness').innerText();
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2024' }).waitFor();
    await tile('BUP, besök').waitFor();
    expect(await page.getByRole('combobox', { name: 'Period', includeHidden: true }).inputValue()).toBe('2024-T1');
    const bup = await tile('BUP, besök').innerText();
    expect(bup).toContain('20,2 %');
    expect(bup).toContain('Ej uppfyllt');
    expect(await tile('Medelväntetid 1177').innerText()).toContain('11:35 min');
    const offline = await page.locator('.committee-freshness').innerText();
    expect(offline).toBe(before);
    expect(offline).toMatch(/Uppgifterna på enheten hämtades \d{1,2} [a-z]+\.? \d{4} \d{2}:\d{2}\./);
    expect(offline).not.toContain('Varning');
    await screenshot(page, 'committee-overview-offline-1024');

    // Two days later, still on the train: the same figures, with a warning that they are old.
    await page.clock.setFixedTime(Date.now() + 2 * 24 * 60 * 60 * 1000);
    await nav().getByRole('link', { name: 'Försenat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Försenat och ej uppfyllt' }).waitFor();
    await nav().getByRole('link', { name: 'Översikt' }).click();
    await page.getByText('Varning: Mer än ett dygn gammalt.').waitFor();
    await page.getByRole('button', { name: /^Tjänsterna håller god kvalitet/ }).click();
    expect(await tile('BUP, besök').innerText()).toContain('20,2 %');
    await expectAccessible(page, 'committee overview, offline and stale');
    await context.setOffline(false);
  });
});

describe('a shared link', () => {
  let phone: BrowserContext;
  afterAll(async () => {
    await phone?.close();
  });

  it('opens the same view, unit filter and all, for another member on a 360 px phone', async () => {
    // A fresh page of the tablet, online and on today's clock, filtered on BUP.
    const tablet = await context.newPage();
    await tablet.goto(page.url());
    await tablet.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2024' }).waitFor({ timeout: 20_000 });
    expect(new URL(tablet.url()).searchParams.get('oppna')).toBe('process');
    await tablet.getByText(/^Filter och sök/).click();
    const unitPicker = tablet.getByRole('combobox', { name: 'Enhet' });
    await unitPicker.selectOption((await unitPicker.locator('option', { hasText: 'Barn- och ungdomspsykiatri' }).getAttribute('value'))!);
    await expect.poll(() => new URL(tablet.url()).searchParams.get('enhet')).toBe('bup');
    await tablet.getByRole('heading', { name: 'BUP, utredning', exact: true }).waitFor();
    expect(await tablet.getByRole('heading', { name: 'Medelväntetid 1177', exact: true }).count()).toBe(0);
    const link = tablet.url();
    expect(new URL(link).searchParams.get('period')).toBe('2024-T1');

    phone = await browser.newContext({ ...PHONE, baseURL: baseURL() });
    const other = await phone.newPage();
    await other.goto(link);
    // Not signed in on this device: sign in first, then straight on to the shared view.
    await other.waitForURL(/\/logga-in/);
    await other.getByLabel('E-postadress').fill('namnd@malbild.example');
    await other.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Logga in' }).click();
    await other.waitForURL((url) => url.pathname.endsWith('/oversikt'), { timeout: 20_000 });
    expect(other.url()).toBe(link);
    await other.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2024' }).waitFor({ timeout: 20_000 });
    const bup = other.getByRole('article').filter({ has: other.getByRole('heading', { name: 'BUP, besök', exact: true }) });
    await bup.waitFor({ timeout: 20_000 });
    expect(await bup.innerText()).toContain('20,2 %');
    expect(await other.getByRole('combobox', { name: 'Period', includeHidden: true }).inputValue()).toBe('2024-T1');
    expect(await other.getByRole('combobox', { name: 'Enhet', includeHidden: true }).locator('option:checked').textContent()).toContain('Barn- och ungdomspsykiatri');
    expect(await other.getByRole('button', { name: /^Tjänsterna håller god kvalitet/ }).getAttribute('aria-expanded')).toBe('true');
    expect(await other.getByRole('heading', { name: 'Medelväntetid 1177', exact: true }).count()).toBe(0);
    expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Above the fold of the phone too: goal fulfilment, the trend and the links to what is not met.
    await other.evaluate(() => window.scrollTo(0, 0));
    await screenshot(other, 'committee-overview-360');
    const lead = other.getByRole('region', { name: 'Måluppfyllelse Delår 1 2024' });
    // The phone's menu stands at the foot of the screen, over the page.
    const fold = Math.min(640, (await other.getByRole('navigation', { name: 'Huvudmeny' }).boundingBox())!.y);
    expect(fold).toBeGreaterThan(480);
    for (const part of [lead.getByRole('heading', { level: 2 }), lead.getByText('Trend mot samma period året före'), lead.getByRole('link', { name: /försenade? eller avbrutna?$/ })]) {
      const box = await part.boundingBox();
      expect(box!.y + box!.height).toBeLessThanOrEqual(fold);
    }
    await expectAccessible(other, 'committee overview, 360 px');

    // On the phone, the chosen item takes the screen instead of standing beside the list.
    await other.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Försenat' }).click();
    await other.getByRole('link', { name: 'BUP, besök' }).click();
    await other.getByRole('link', { name: 'Tillbaka till listan' }).waitFor();
    expect(await other.getByRole('heading', { level: 2, name: /Aktiviteter försenade/ }).count()).toBe(0);
    await screenshot(other, 'committee-delayed-detail-360');
    await expectAccessible(other, 'committee delayed detail, 360 px');
    await tablet.close();
  });
});
