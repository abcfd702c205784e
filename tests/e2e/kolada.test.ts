import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '@shared/schemas/indicator.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import { startKoladaFixture, type KoladaFixture } from '../fixtures/koladaServer.ts';
import { startAppServer, type AppServer } from './appServer.ts';
import { expectAccessible, launchChromium, screenshot, signIn } from './browser.ts';

/**
 * A controller links a demo indicator to a KPI found in (the fixture of) Kolada's catalogue, fetches, and
 * the indicator shows Västmanland against Riket and a peer, with the source, and its "Bättre än
 * rikssnittet" target gets a status. The KPI id is the fixture's own.
 */
let kolada: KoladaFixture;
let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  kolada = await startKoladaFixture();
  kolada.kpis.push({ id: 'U70001', title: 'Invånare som har förtroende för sjukhusen, andel (%)', municipality_type: 'L' });
  for (const [area, value] of [['0019', 61], ['0000', 70.5], ['0003', 72]] as const) {
    kolada.set('U70001', area, 2025, [{ gender: 'T', value, status: '' }, { gender: 'K', value: null, status: 'Missing' }, { gender: 'M', value: null, status: 'Missing' }]);
  }
  server = await startAppServer({ env: { KOLADA_URL: kolada.url } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await kolada?.close();
});

describe('Kolada', () => {
  it('is linked, fetched and shown against Riket and a peer, and judges a Bättre än rikssnittet target', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true, locale: 'sv-SE', baseURL: server.baseURL });
    const page = await context.newPage();
    await signIn(page, 'controller@malbild.example');
    const { plans } = (await (await page.request.get('/api/plans')).json()) as { plans: Plan[] };
    const plan = plans.find((p) => p.name === 'Förvaltningsplan 2025–2027')!;

    await page.goto(`/admin/planer/${plan.id}/kolada`);
    await page.getByRole('heading', { level: 1, name: `Kolada – ${plan.name}` }).waitFor();
    await page.getByLabel('Ert Kolada-id').fill('0019');
    await page.getByRole('checkbox', { name: 'Region Uppsala' }).check();
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Sparat.').waitFor();
    await expectAccessible(page, 'the Kolada settings');

    const indicator = await indicatorNamed(page, plan.id, 'Andel invånare som har förtroende för sjukhusen');
    await page.goto(`/planer/${plan.id}/indikatorer/${indicator.id}`);
    const link = page.getByRole('region', { name: 'Koppling till Kolada' });
    await link.getByLabel('Sök nyckeltal i Kolada').fill('förtroende');
    await link.getByRole('button', { name: 'Sök' }).click();
    await link.getByRole('button', { name: 'Koppla till U70001' }).click();
    await link.getByText('Indikatorn är kopplad till U70001.').waitFor();

    await page.goto(`/admin/planer/${plan.id}/kolada`);
    // The demo plan cites N71019 for primärvårdens kostnadsandel itself; the one linked here is the second.
    await page.getByText('2 indikatorer är kopplade till Kolada.').waitFor();
    await page.getByRole('link', { name: 'Andel invånare som har förtroende för sjukhusen' }).waitFor();
    await page.getByRole('button', { name: 'Hämta från Kolada nu' }).click();
    await page.getByRole('row').filter({ hasText: 'Andel invånare som har förtroende för sjukhusen' }).getByText(/^Hämtad/).waitFor({ timeout: 20_000 });
    await page.getByText(/^Kolada nåddes senast/).waitFor();

    await page.goto(`/planer/${plan.id}/indikatorer/${indicator.id}`);
    const compared = page.getByRole('region', { name: 'Jämförelse i Kolada' });
    await compared.getByText(/^Källa: Kolada \(U70001\), hämtat/).waitFor({ timeout: 20_000 });
    const header = await compared.getByRole('row').first().innerText();
    expect(header).toMatch(/Region Västmanland\s+Riket\s+Region Uppsala/);
    expect(await compared.getByRole('row').filter({ hasText: '2025' }).innerText()).toMatch(/61,0 %\s+70,5 %\s+72,0 %/);
    // The plan's own 72,4 % for 2025 leads, judged against Riket's 70,5 %; Kolada's 61,0 % shows beside it.
    const latest = page.getByRole('region', { name: 'Utfall 2025' });
    await latest.getByText('72,4 %').waitFor();
    await latest.getByText(/^\W*Uppfyllt$/).waitFor();
    await compared.getByText('2025: inrapporterat 72,4 %, Kolada 61,0 %. Det inrapporterade värdet gäller.').waitFor();
    const legend = page.getByRole('figure');
    await legend.getByText('Region Uppsala').waitFor();
    await legend.getByText('Rikssnitt').waitFor();
    await compared.getByRole('button', { name: 'Låt Kolada-värdet gälla' }).click();
    await compared.getByText('Kolada-värdet gäller i rapporten.').waitFor();
    await latest.getByText('61,0 %').waitFor();
    await latest.getByText(/^\W*Ej uppfyllt$/).waitFor();
    await page.getByRole('table', { name: /utfall per år/ }).getByRole('row', { name: /^2025/ }).getByText('Källa: Kolada').waitFor();
    await expectAccessible(page, 'an indicator with Kolada');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'an indicator with Kolada, dark');
    await screenshot(page, 'indicator-kolada-dark-1024');
    expect(kolada.requests.every((r) => r.userAgent.startsWith('Malbild/'))).toBe(true);
    await context.close();
  });
});

async function indicatorNamed(page: import('playwright-core').Page, planId: string, name: string): Promise<Indicator> {
  const found = await page.evaluate(
    async ({ planId, name }) =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('malbild');
        open.onsuccess = () => {
          const all = open.result.transaction('indicator').objectStore('indicator').getAll();
          all.onsuccess = () => resolve((all.result as { planId: string; name: string }[]).find((i) => i.planId === planId && i.name === name));
        };
      }),
    { planId, name },
  );
  return found as Indicator;
}
