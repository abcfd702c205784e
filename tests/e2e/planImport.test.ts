import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, PHONE, screenshot, signIn } from './browser.ts';
import { phoneOnOwnServer } from './phoneOnOwnServer.ts';

/**
 * A controller brings in a plan of their own through the browser: the template from the app, filled in
 * as a spreadsheet program would save it, every mistake shown where it is, then imported; a rapportör's
 * phone then has the plan, offline.
 */
const controller = phoneOnOwnServer('controller@malbild.example');
const folder = mkdtempSync(join(tmpdir(), 'malbild-import-'));
let templatePath = '';

/** The template as downloaded, with rows written under its headings, saved where the browser can pick it up. */
async function filledTemplate(name: string, rows: Record<string, (string | number | null)[][]>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  for (const [sheetName, lines] of Object.entries(rows)) {
    const sheet = workbook.getWorksheet(sheetName)!;
    // From row 2, where a person starts typing (the template's drop-down lists reach far below).
    lines.forEach((line, i) => line.forEach((value, col) => (sheet.getCell(i + 2, col + 1).value = value)));
  }
  const path = join(folder, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

// Columns in the template's order; only the first ones of each sheet are filled here.
const UNITS = [
  ['region-vastmanland', 'Region Västmanland', null, null, 'region'],
  ['halso-och-sjukvardsforvaltningen', 'Hälso- och sjukvårdsförvaltningen', 'HSF', 'region-vastmanland', 'forvaltning'],
  ['omrade-psykiatri-medicin-och-narsjukvard', 'Område Psykiatri, Medicin och Närsjukvård', null, 'halso-och-sjukvardsforvaltningen', 'omrade'],
  ['bup', 'Barn- och ungdomspsykiatri', 'BUP', 'omrade-psykiatri-medicin-och-narsjukvard', 'verksamhet'],
];
const PLAN = [['bup-verksamhetsplan-2026', 'Verksamhetsplan BUP 2026', 'bup', 2026, 2026, 'Fastställd', null, null, 'Trend', 'Testplan från controllern']];
const POINTS = [
  ['Tertial 2 2026', '2026-05', '2026-08', '2026-09-10'],
  ['Tertial 3 2026', '2026-09', '2026-12', '2027-01-20'],
];
const GOALS = [['snabb-vard', 'Mål 1.', 'Barn och unga får snabb vård', null, 'Verksamhetsmål', null, null, 'bup', 1]];
const indicators = (direction: string, target: string) => [['forsta-besok', 'Första besök inom 30 dagar', 'snabb-vard', 'bup', '%', direction, target, null, '61 %', '2025', null, 'delår']];

describe('a controller importing a plan', () => {
  it('downloads the template from Planer', async () => {
    const { page } = controller;
    await page.locator('summary', { hasText: /Konto/ }).click();
    await page.getByRole('link', { name: 'Planer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planer' }).waitFor();
    await expectAccessible(page, 'Planer');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner mallen (Excel)' }).click()]);
    templatePath = join(folder, 'mall.xlsx');
    await download.saveAs(templatePath);
    expect(download.suggestedFilename()).toBe('malbild-planmall.xlsx');
  });

  it('sees every mistake of a broken file by sheet, row and column, and nothing is imported', async () => {
    const { page } = controller;
    const broken = await filledTemplate('trasig.xlsx', { Enheter: UNITS, Plan: PLAN, Rapportering: POINTS, Mål: GOALS, Indikatorer: indicators('åt sidan', 'ungefär 80') });
    await page.getByLabel('Planfil').setInputFiles(broken);
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    const problems = page.getByRole('region', { name: 'Fel och varningar i filen' });
    await problems.waitFor();
    await page.getByRole('alert').filter({ hasText: 'Filen har 2 fel' }).waitFor();
    const rows = await problems.getByRole('listitem').allInnerTexts();
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Fel · Indikatorer, rad 2, Riktning\s+"åt sidan" går inte att välja här\. Välj Högre är bättre eller Lägre är bättre\.$/),
        expect.stringMatching(/^Fel · Indikatorer, rad 2, Målvärde\s+Målvärdet "ungefär 80" går inte att tolka\./),
      ]),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing sideways at 360 px').toBeLessThanOrEqual(360);
    expect(await page.getByRole('button', { name: 'Importera' }).count()).toBe(0);
    await expectAccessible(page, 'a plan file with errors');
    await screenshot(page, 'plan-import-errors-360');
  });

  it('imports the fixed file after a dry run that says what it will create', async () => {
    const { page } = controller;
    const fixed = await filledTemplate('rattad.xlsx', { Enheter: UNITS, Plan: PLAN, Rapportering: POINTS, Mål: GOALS, Indikatorer: indicators('Högre är bättre', '80 %') });
    await page.getByLabel('Planfil').setInputFiles(fixed);
    await page.getByRole('button', { name: 'Kontrollera filen' }).click();
    await page.getByText('Inga fel. Så här blir planen om du importerar filen:').waitFor();
    const counts = page.getByRole('table', { name: 'Vad importen skulle göra' });
    expect(await counts.getByRole('row', { name: /^Indikatorer/ }).innerText()).toMatch(/^Indikatorer\s+1\s+0\s+0\s+0$/);
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByText('Planen är importerad. Enheterna får den vid nästa synk.').waitFor();
    await page.getByRole('table', { name: 'Vad importen gjorde' }).waitFor();
  });

  it('reaches a rapportör’s phone, which shows it offline', async () => {
    const context = await controller.browser.newContext({ ...PHONE, baseURL: controller.server.baseURL });
    const page = await context.newPage();
    try {
      await signIn(page, 'bup@malbild.example');
      const plans = page.getByRole('combobox', { name: 'Plan' });
      await expect.poll(async () => plans.locator('option', { hasText: 'Verksamhetsplan BUP 2026' }).count(), { timeout: 20_000 }).toBe(1);
      // The first visit installs the service worker; the page after it is the one it serves offline.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
      await context.setOffline(true);
      await page.reload();
      // Its own calendar decides what is due: in December, the running tertial, by its deadline.
      await plans.selectOption((await plans.locator('option', { hasText: 'Verksamhetsplan BUP 2026' }).getAttribute('value'))!);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
      await expect.poll(() => page.getByText('för Tertial 3 2026, senast 20 jan. 2027').count(), { timeout: 10_000 }).toBe(2);
      await plans.selectOption((await plans.locator('option', { hasText: 'Verksamhetsplan BUP 2026' }).getAttribute('value'))!);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
      await page.getByRole('link', { name: /Barn och unga får snabb vård/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Mål 1. Barn och unga får snabb vård' }).waitFor();
      await page.getByText('Verksamhetsmål').first().waitFor();
      const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Första besök inom 30 dagar' }) });
      await card.getByText('61 %').waitFor();
      // Its own calendar: a tertial indicator is offered the tertials the plan names, the running one first.
      await card.getByText('Lägg in utfall').click();
      const period = card.getByLabel('Period');
      expect(await period.locator('option').allInnerTexts()).toEqual(['Tertial 3 2026', 'Tertial 2 2026']);
      await expectAccessible(page, 'an imported plan offline');
    } finally {
      await context.close();
    }
  });
});
