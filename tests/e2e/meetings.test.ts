import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planReportPoints } from '@shared/logic/calendar.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import { startAppServer, type AppServer } from './appServer.ts';
import { expectAccessible, launchChromium, PHONE, screenshot, signedInDevice } from './browser.ts';

/**
 * The controller on a tablet and an administratör on a phone write into the same dialogue meeting, both
 * offline: new paragraphs of each, and the same paragraph edited by both. Once both are back online,
 * every word is on both screens, the doubly edited paragraph as a conflict with both texts. A follow-up
 * point of the meeting then comes back at the unit's next meeting until it is set Klar.
 */
let server: AppServer;
let browser: Browser;
const TABLET = { viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true, locale: 'sv-SE' };
const people: { context: BrowserContext; page: Page }[] = [];

beforeAll(async () => {
  server = await startAppServer();
  browser = await launchChromium();
  for (const [email, device] of [['controller@malbild.example', TABLET], ['admin@malbild.example', PHONE]] as const) people.push(await signedInDevice(browser, server.baseURL, email, device));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const allSaved = (page: Page) => page.getByRole('status').filter({ hasText: 'Alla ändringar sparade' }).waitFor({ timeout: 20_000 });
const note = (page: Page, name: string) => page.getByRole('article', { name });

async function write(page: Page, name: string, heading: string | null, text: string) {
  const item = note(page, name);
  if (heading !== null) await item.getByLabel(/Rubrik för avsnittet|Vad ska följas upp|Medskick/).fill(heading);
  await item.getByLabel('Text', { exact: true }).fill(text);
  await item.getByRole('button', { name: 'Spara' }).click();
  await item.getByText('Sparat på enheten.').waitFor();
}

/** Creates a meeting on `date`, checking the report point the form offers for it. */
async function createMeeting(page: Page, planId: string, date: string, title: string, point: string) {
  await page.goto(`/planer/${planId}/moten`);
  await page.getByRole('heading', { level: 1, name: 'Dialogmöten' }).waitFor();
  await page.getByLabel('Datum').fill(date);
  const offered = page.getByLabel('Rapporteringstillfälle');
  await expect.poll(() => offered.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(point);
  await page.getByLabel('Rubrik', { exact: true }).fill(title);
  await page.getByLabel('Deltagare (en per rad)').fill('Nämndens ordförande\nFörvaltningsdirektör');
  await page.getByRole('button', { name: 'Skapa mötet' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('a dialogue meeting', () => {
  it('written on two devices offline loses nothing, and its follow-up points come back until done', async () => {
    const [tablet, phone] = people as [(typeof people)[0], (typeof people)[0]];
    const { plans } = (await (await tablet.page.request.get('/api/plans')).json()) as { plans: Plan[] };
    const plan = plans.find((p) => p.name === 'Förvaltningsplan 2025–2027')!;

    await createMeeting(tablet.page, plan.id, '2025-02-20', 'Dialog med HSN', 'Delår 1 2025');
    await tablet.page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
    await write(tablet.page, 'Avsnitt 1', 'Utmaningar', 'Demografin är nämndens största utmaning.');
    await allSaved(tablet.page);
    const meetingUrl = tablet.page.url();

    await phone.page.goto(new URL(meetingUrl).pathname);
    await phone.page.getByRole('heading', { level: 1, name: 'Dialog med HSN' }).waitFor({ timeout: 20_000 });
    await note(phone.page, 'Avsnitt 1: Utmaningar').waitFor();

    await tablet.context.setOffline(true);
    await phone.context.setOffline(true);
    await tablet.page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
    await write(tablet.page, 'Avsnitt 2', 'Ekonomi', 'Bruttokostnaderna är utmaningen.');
    await write(tablet.page, 'Avsnitt 1: Utmaningar', null, 'Demografin: ett ökat behov inom BUP.');
    await phone.page.getByRole('button', { name: 'Lägg till medskick' }).click();
    await write(phone.page, 'Medskick 1', 'Till regionstyrelsen', 'Ge inte nya uppdrag utan ha tålamod med HoS 2029.');
    await write(phone.page, 'Avsnitt 1: Utmaningar', null, 'Demografin: lediga platser på KK, för få på medicin.');

    await tablet.context.setOffline(false);
    await allSaved(tablet.page);
    await phone.context.setOffline(false);
    await allSaved(phone.page);
    await tablet.page.reload();
    for (const { page } of people) {
      await note(page, 'Medskick 1').waitFor({ timeout: 20_000 });
      await note(page, 'Avsnitt 2: Ekonomi').waitFor({ timeout: 20_000 });
      const conflict = note(page, 'Avsnitt 1: Utmaningar').getByRole('region', { name: 'Två versioner av samma anteckning' });
      await conflict.waitFor({ timeout: 20_000 });
      const text = await conflict.innerText();
      expect(text).toContain('Demografin: ett ökat behov inom BUP.');
      expect(text).toContain('Demografin: lediga platser på KK, för få på medicin.');
      expect(await note(page, 'Medskick 1').getByLabel('Text', { exact: true }).inputValue()).toBe('Ge inte nya uppdrag utan ha tålamod med HoS 2029.');
      await expectAccessible(page, 'a meeting with a conflict');
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectAccessible(page, 'a meeting with a conflict, dark');
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth), 'the meeting fits a phone').toBeLessThanOrEqual(360);
    await screenshot(tablet.page, 'meeting-conflict-1024');
    await screenshot(phone.page, 'meeting-conflict-360');

    await note(tablet.page, 'Avsnitt 1: Utmaningar').getByRole('button', { name: 'Behåll den här' }).last().click();
    await note(tablet.page, 'Avsnitt 1: Utmaningar').getByRole('region', { name: 'Två versioner av samma anteckning' }).waitFor({ state: 'detached' });

    // The underlag comes from the plan's data; an item of it becomes a note that points at it.
    const basis = tablet.page.getByRole('region', { name: 'Underlag' });
    const firstItem = basis.getByRole('listitem').filter({ has: tablet.page.getByRole('button', { name: /^Anteckna/ }) }).first();
    const itemName = await firstItem.getByRole('link').innerText();
    await firstItem.getByRole('button', { name: /^Anteckna/ }).click();
    const fromBasis = note(tablet.page, `Avsnitt 3: ${itemName}`);
    await fromBasis.getByRole('list', { name: 'Kopplingar' }).getByRole('link', { name: itemName }).waitFor();
    // And back: the record's own screen shows the note and leads to the meeting.
    await fromBasis.getByRole('list', { name: 'Kopplingar' }).getByRole('link', { name: itemName }).click();
    const discussed = tablet.page.getByRole('region', { name: 'Från dialogmöten' });
    await discussed.getByRole('link', { name: 'Från Dialog med HSN, 20 feb. 2025' }).click();
    await tablet.page.getByRole('heading', { level: 1, name: 'Dialog med HSN' }).waitFor();
    await tablet.page.getByRole('button', { name: 'Lägg till uppföljningspunkt' }).click();
    const followUp = note(tablet.page, 'Uppföljningspunkt 1');
    await followUp.getByLabel('Vem').fill('Förvaltningsdirektören');
    await write(tablet.page, 'Uppföljningspunkt 1', 'Beräkna den ekonomiska risken', 'Till nästa dialog.');
    await allSaved(tablet.page);

    await createMeeting(tablet.page, plan.id, '2026-02-20', 'Uppföljande dialog med HSN', 'Årsredovisning 2025');
    const earlier = tablet.page.getByRole('region', { name: 'Uppföljningspunkter från tidigare möten' });
    const carried = earlier.getByRole('article', { name: /Beräkna den ekonomiska risken/ });
    await carried.waitFor();
    await earlier.getByText('Från Dialog med HSN').waitFor();
    await expectAccessible(tablet.page, 'the next meeting with a follow-up point');
    await carried.getByLabel('Status').selectOption('Klar');
    await carried.getByRole('button', { name: 'Spara' }).click();
    await earlier.getByText('Inga öppna uppföljningspunkter från tidigare möten.').waitFor();
  });

  it('is in the next report point’s delårsrapport on the screen, as in its PDF', async () => {
    const [tablet] = people as [(typeof people)[0]];
    const { plans } = (await (await tablet.page.request.get('/api/plans')).json()) as { plans: Plan[] };
    const plan = plans.find((p) => p.name === 'Förvaltningsplan 2025–2027')!;
    const { changes } = (await (await tablet.page.request.get('/api/sync/pull?since=0&limit=5000')).json()) as { changes: { entity: string; record: { title?: string; period?: string } | null }[] };
    const about = changes.find((c) => c.entity === 'meeting' && c.record?.title === 'Dialog med HSN')!.record!.period;
    const points = planReportPoints(plan);
    const next = points[points.findIndex((p) => p.period === about) + 1]!;
    await tablet.page.goto(`/planer/${plan.id}/rapport/${next.period}`);
    const section = tablet.page.getByRole('region', { name: 'Dialogmöten' });
    await section.getByRole('heading', { level: 3, name: 'Dialog med HSN', exact: true }).waitFor({ timeout: 20_000 });
    expect(await section.getByRole('heading', { level: 4, name: 'Medskick till nivån ovan' }).isVisible()).toBe(true);
    expect(await section.getByText('Ge inte nya uppdrag utan ha tålamod med HoS 2029.').isVisible()).toBe(true);
    const followUps = section.getByRole('table', { name: 'Uppföljningspunkter' });
    expect(await followUps.getByRole('row').filter({ hasText: 'Beräkna den ekonomiska risken' }).innerText()).toMatch(/Förvaltningsdirektören/);
    await expectAccessible(tablet.page, 'the report with its dialogue meetings');
  });
});
