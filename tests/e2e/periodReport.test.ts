import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pointWrittenFor } from '@shared/logic/periodClose.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import { expectAccessible, openSyncDetails, PHONE, screenshot, signIn } from './browser.ts';
import { phoneOnOwnServer } from './phoneOnOwnServer.ts';

/**
 * A period runs its course: a unit manager writes a status offline, the controller closes the period
 * before it arrives, the phone is told why and keeps the text; the controller writes the delårsrapport's
 * Inledning and takes it out of the app as a PDF and a workbook.
 */
const controller = phoneOnOwnServer('controller@malbild.example');
const folder = mkdtempSync(join(tmpdir(), 'malbild-report-'));
const ACTIVITY = 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin';

async function planNamed(name: string): Promise<Plan> {
  const { plans } = (await (await controller.page.request.get('/api/plans')).json()) as { plans: Plan[] };
  return plans.find((p) => p.name === name)!;
}

describe('closing a period', () => {
  it('refuses the change a phone wrote offline for it, with who closed it, and the phone keeps the text', async () => {
    const phone = await controller.browser.newContext({ ...PHONE, baseURL: controller.server.baseURL });
    const bup = await phone.newPage();
    await signIn(bup, 'bup@malbild.example');
    await bup.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
    const item = bup.getByRole('article').filter({ has: bup.getByRole('heading', { name: ACTIVITY }) });
    await phone.setOffline(true);
    await item.getByText('Rapportera status').click();
    await item.getByRole('radio', { name: 'Klar' }).check();
    await item.getByLabel('Kommentar').fill('Planen är antagen av ledningsgruppen.');
    await item.getByRole('button', { name: 'Spara' }).click();
    await item.getByText('Väntar på att skickas').waitFor();

    // Meanwhile the controller closes the point the change was written for.
    const plan = await planNamed('Förvaltningsplan 2025–2027');
    const point = pointWrittenFor(plan, new Date())!;
    const page = controller.page;
    await page.goto(`/admin/planer/${plan.id}/perioder`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: point.name, exact: true }) });
    await card.getByText('Öppen').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: `Stäng perioden ${point.name}` }).click();
    await card.getByText(/Stängd \d{1,2} [a-zåäö]+\.? \d{4} av Cecilia Controller/).waitFor();
    await expectAccessible(page, 'Rapportering och stängning');
    await page.goto(`/planer/${plan.id}/rapport/${point.period}`);
    const versions = page.getByRole('region', { name: 'Fastställda versioner' });
    await versions.getByText(/^Version 1, fastställd .* av Cecilia Controller/).waitFor();
    expect(await versions.getByRole('link', { name: 'PDF version 1' }).getAttribute('href')).toBe(`/api/plans/${plan.id}/reports/${point.period}.pdf?version=1`);
    await expectAccessible(page, 'a closed report with its versions');

    await phone.setOffline(false);
    await bup.getByRole('status').filter({ hasText: '1 ändring kunde inte sparas på servern' }).waitFor({ timeout: 20_000 });
    await openSyncDetails(bup);
    await bup.getByRole('link', { name: 'Visa ändringar' }).click();
    const text = await bup.getByRole('region', { name: 'Sparades inte på servern (1)' }).innerText();
    expect(text).toContain(`${point.name} stängdes`);
    expect(text).toContain('av Cecilia Controller');
    expect(text).toContain('Planen är antagen av ledningsgruppen.');
    await expectAccessible(bup, 'a change refused for a closed period');
    await screenshot(bup, 'period-closed-refused-360');
    await phone.close();
  });
});

describe('the delårsrapport', () => {
  it('is written on screen and downloaded as a PDF and a workbook holding the seed’s values', async () => {
    const page = controller.page;
    const plan = await planNamed('Förvaltningsplan 2024');
    await page.goto(`/planer/${plan.id}/rapport/2024-T1`);
    await page.getByRole('heading', { level: 1, name: 'Delår 1 2024 – Förvaltningsplan 2024' }).waitFor();
    expect(await page.getByText('Utkast').first().isVisible()).toBe(true);
    await page.getByLabel('Text under Inledning').fill('Första tertialet präglades av hög belastning inom psykiatrin.');
    // Not saved yet: the text is on the device, and a reload gives it back.
    const drafts = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('malbild');
            open.onsuccess = () => {
              const count = open.result.transaction('drafts').objectStore('drafts').count();
              count.onsuccess = () => {
                resolve(count.result);
                open.result.close();
              };
            };
          }),
      );
    await expect.poll(drafts).toBeGreaterThan(0);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Delår 1 2024 – Förvaltningsplan 2024' }).waitFor();
    await expect.poll(() => page.getByLabel('Text under Inledning').inputValue()).toBe('Första tertialet präglades av hög belastning inom psykiatrin.');
    await page.getByRole('button', { name: 'Lägg till tabell' }).click();
    await page.getByLabel('Rubrik för tabell 1').fill('Ekonomisk effekthemtagning');
    // As Excel puts copied cells on the clipboard: tab-separated, Swedish decimals.
    await page.getByLabel('Celler i Ekonomisk effekthemtagning').fill('Område\tBudget mnkr\tUtfall mnkr\nMinskad hyrpersonal\t40\t31,5\n');
    await page.getByRole('button', { name: 'Spara texten' }).click();
    await page.getByText('Texten är sparad.').waitFor();
    const figures = page.getByRole('row').filter({ hasText: 'Minskad hyrpersonal' });
    expect(await figures.innerText()).toMatch(/Minskad hyrpersonal\s+40\s+31,5/);
    await page.getByRole('heading', { level: 2, name: 'Inledning' }).waitFor();
    const bup = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'BUP, besök', exact: true }) });
    expect(await bup.first().innerText()).toContain('20,2 %');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'the delårsrapport');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'the delårsrapport, dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'report-360');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF', exact: true }).click()]);
    const pdfPath = join(folder, 'rapport.pdf');
    await pdf.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Första tertialet präglades av hög belastning inom psykiatrin.');
    expect(text).toMatch(/BUP, besök.*20,2 %/);
    expect(text).toContain('Webbtidböcker');
    expect(text).toContain('Försenad');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel', exact: true }).click()]);
    const xlsxPath = join(folder, 'rapport.xlsx');
    await xlsx.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const goals = workbook.getWorksheet('Mål och indikatorer')!;
    const row = goals.getRows(2, goals.rowCount - 1)!.find((r) => r.getCell(5).value === 'BUP, besök')!;
    expect(typeof row.getCell(8).value).toBe('number');
    expect(row.getCell(8).value).toBeCloseTo(0.202, 5);
    expect(workbook.getWorksheet('Ekonomisk effekthemtagning')!.getRow(3).getCell(3).value).toBe(31.5);
  });
});
