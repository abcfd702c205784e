import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './appServer.ts';
import { bupUtredningCard, expectAccessible, launchChromium, openSyncDetails, screenshot, signedInDevice } from './browser.ts';

/**
 * Two unit managers who may both write BUP's activities each set a different status while offline. The
 * one who syncs second meets a conflict on screen, sees both values with who set them, and settles it
 * with one tap; the other person's phone then shows the chosen status.
 */
let server: AppServer;
let browser: Browser;
const people: { context: BrowserContext; page: Page }[] = [];
const ACTIVITY = 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin';

beforeAll(async () => {
  // This file changes data; a server of its own keeps other files from seeing it.
  server = await startAppServer();
  browser = await launchChromium();
  for (const email of ['bup@malbild.example', 'psykiatri@malbild.example']) people.push(await signedInDevice(browser, server.baseURL, email));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const card = (page: Page) => page.getByRole('article').filter({ has: page.getByRole('heading', { name: ACTIVITY }) });

async function openActivities(page: Page) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter' }).click();
  await card(page).waitFor();
}

async function reportOffline(page: Page, status: string, comment: string) {
  const item = card(page);
  await item.getByText('Rapportera status').click();
  await item.getByRole('radio', { name: status }).check();
  await item.getByLabel('Kommentar').fill(comment);
  await item.getByRole('button', { name: 'Spara' }).click();
  await item.getByText('Väntar på att skickas').waitFor();
}

const allSaved = (page: Page) => page.getByRole('status').filter({ hasText: 'Alla ändringar sparade' }).waitFor({ timeout: 20_000 });

describe('a conflicting status change, made on two phones offline', () => {
  it('is shown with both values and settled on screen', async () => {
    const [bo, petra] = people as [(typeof people)[0], (typeof people)[0]];
    for (const { page } of people) await openActivities(page);
    await bo.context.setOffline(true);
    await petra.context.setOffline(true);
    await reportOffline(bo.page, 'Försenad', 'Rekryteringen av psykologer drar ut på tiden.');
    await reportOffline(petra.page, 'Klar', 'Planen är antagen.');

    await bo.context.setOffline(false);
    await allSaved(bo.page);
    await petra.context.setOffline(false);
    const conflict = card(petra.page).getByRole('region', { name: /Två olika statusar/ });
    await conflict.waitFor({ timeout: 20_000 });
    // Who set the standing status is looked up in the history, which the screen reads on its own.
    await conflict.getByText(/Gäller nu · Bo Rapportör/).waitFor();
    const text = await conflict.innerText();
    expect(text).toContain('Gäller nu');
    expect(text).toContain('Försenad');
    expect(text).toMatch(/Gäller nu · Bo Rapportör \(BUP\) satte/);
    expect(text).toMatch(/Petra Rapportör.*satte/);
    expect(text).toContain('Klar');
    await conflict.scrollIntoViewIfNeeded();
    await screenshot(petra.page, 'conflict-360');
    await expectAccessible(petra.page, 'conflict');

    // The header counts it and leads to the list of what is on the device, where it can be settled too.
    const status = petra.page.getByRole('status').filter({ hasText: '1 konflikt att lösa' });
    await openSyncDetails(petra.page);
    await status.getByRole('link', { name: 'Visa ändringar' }).click();
    await petra.page.getByRole('heading', { level: 1, name: 'Ändringar på enheten' }).waitFor();
    const listed = petra.page.getByRole('region', { name: 'Konflikter att lösa (1)' }).getByRole('listitem').filter({ has: petra.page.getByRole('link', { name: new RegExp(ACTIVITY) }) });
    const choice = listed.getByRole('region', { name: /Två olika statusar/ });
    expect(await choice.innerText()).toMatch(/Petra Rapportör.*satte/);
    await expectAccessible(petra.page, 'changes on the device, with a conflict');
    await petra.page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(petra.page, 'changes-conflict-dark-360');
    await expectAccessible(petra.page, 'changes on the device, with a conflict, dark');
    await petra.page.emulateMedia({ colorScheme: 'light' });
    await choice.getByRole('button', { name: 'Välj Klar' }).click();
    await petra.page.getByText('Allt du har ändrat finns på servern, och inget väntar på att lösas.').waitFor({ timeout: 20_000 });
    await allSaved(petra.page);
    expect(await listed.count()).toBe(0);
    await openActivities(petra.page);
    expect(await card(petra.page).getByRole('region', { name: /Två olika statusar/ }).count()).toBe(0);
    await openSyncDetails(bo.page);
    await bo.page.getByRole('button', { name: 'Synka nu' }).click();
    await expect.poll(() => card(bo.page).getByRole('region', { name: /Två olika statusar/ }).count(), { timeout: 20_000 }).toBe(0);
    expect(await card(bo.page).getByText(/^Status:\s*\S?Klar$/).isVisible()).toBe(true);
  });
});

async function enterOutcome(page: Page, value: string) {
  const utredning = await bupUtredningCard(page);
  await utredning.getByText('Lägg in utfall').click();
  await utredning.getByLabel('Utfall (%)').fill(value);
  await utredning.getByRole('button', { name: 'Spara utfall' }).click();
  await utredning.getByText('Utfallet är sparat på enheten.').waitFor();
}

describe('two different values for the same indicator and period, entered on two phones offline', () => {
  it('are both shown, with who entered each, and one tap settles which stands', async () => {
    const [bo, petra] = people as [(typeof people)[0], (typeof people)[0]];
    await bo.context.setOffline(true);
    await petra.context.setOffline(true);
    await enterOutcome(bo.page, '81,5');
    await enterOutcome(petra.page, '79');

    await bo.context.setOffline(false);
    await allSaved(bo.page);
    await petra.context.setOffline(false);
    const status = petra.page.getByRole('status').filter({ hasText: '1 konflikt att lösa' });
    await status.waitFor({ timeout: 20_000 });
    await openSyncDetails(petra.page);
    await status.getByRole('link', { name: 'Visa ändringar' }).click();
    const listed = petra.page.getByRole('region', { name: 'Konflikter att lösa (1)' }).getByRole('listitem').filter({ hasText: 'BUP, utredning' });
    const choice = listed.getByRole('region', { name: /Två olika värden/ });
    const text = await choice.innerText();
    expect(text).toMatch(/Gäller nu · Bo Rapportör \(BUP\) skrev\s+81,5\s%/);
    expect(text).toMatch(/Petra Rapportör.*skrev\s+79,0\s%/);
    await choice.getByRole('button', { name: /Välj 79,0\s%/ }).click();
    await petra.page.getByText('Allt du har ändrat finns på servern, och inget väntar på att lösas.').waitFor({ timeout: 20_000 });

    await openSyncDetails(bo.page);
    await bo.page.getByRole('button', { name: 'Synka nu' }).click();
    const utredning = bo.page.getByRole('article').filter({ has: bo.page.getByRole('heading', { name: 'BUP, utredning', exact: true }) });
    await expect.poll(async () => /Senaste utfall\s+79,0\s%/.test(await utredning.innerText()), { timeout: 20_000 }).toBe(true);
    expect(await utredning.getByRole('region', { name: /Två olika värden/ }).count()).toBe(0);
  });
});
