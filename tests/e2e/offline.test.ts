import { describe, expect, it } from 'vitest';
import { phoneOnOwnServer } from './phoneOnOwnServer.ts';
import { bupUtredningCard, expectAccessible, openSyncDetails, screenshot } from './browser.ts';

/**
 * The unit manager's phone without network, through the real service worker: changes made offline
 * survive reloads, show as waiting, and reach the server exactly once, in order, when the network is back.
 */
const phone = phoneOnOwnServer('bup@malbild.example');

const ACTIVITY = 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin';
const item = () => phone.page.getByRole('article').filter({ has: phone.page.getByRole('heading', { name: ACTIVITY }) });
const statusLine = () => phone.page.getByRole('status').filter({ hasText: /ändring|Alla ändringar|anslutning/ }).first();

async function serverJson<T>(path: string): Promise<T> {
  return phone.page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<T>;
}

describe('the unit manager’s phone', () => {
  // Chromium's own installability check needs a non-incognito profile and runs in pwa.test.ts.
  it('is installable: a manifest with icons, and a service worker in control', async () => {
    await phone.page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    // The first visit installs the worker (precaching the shell); the page after it is the one it controls.
    await phone.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await phone.page.reload();
    await expect.poll(() => phone.page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
    const manifest = await phone.page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
      return href ? ((await (await fetch(href)).json()) as { display: string; lang: string; icons: { sizes: string }[] }) : null;
    });
    expect(manifest).toMatchObject({ display: 'standalone', lang: 'sv' });
    expect(manifest!.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('reports offline in three taps, enters an outcome with a decimal comma, and keeps both through a reload', async () => {
    await phone.context.setOffline(true);
    await phone.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
    await item().getByText('Rapportera status').click(); // tap 1
    await item().getByRole('radio', { name: 'Försenad' }).check(); // tap 2
    await item().getByLabel('Kommentar').fill('Psykologtjänsterna är inte tillsatta.');
    await item().getByRole('button', { name: 'Spara' }).click(); // tap 3
    await item().getByText('Väntar på att skickas').waitFor();

    const utredning = await bupUtredningCard(phone.page);
    await utredning.getByText('Lägg in utfall').click();
    await utredning.getByLabel('Utfall (%)').fill('81,5');
    expect(await utredning.getByText(/Så blir det: 81,5\s%/).isVisible()).toBe(true);
    expect(await utredning.getByText('Uppfyllt').first().isVisible()).toBe(true);
    await utredning.getByRole('button', { name: 'Spara utfall' }).click();
    await utredning.getByText('Utfallet är sparat på enheten.').waitFor();
    // The indicator is marked as having a change that is so far only on the phone.
    await utredning.getByText('Väntar på att skickas').waitFor();
    expect(await statusLine().innerText()).toContain('2 ändringar är sparade på enheten');

    await phone.page.reload();
    await statusLine().waitFor();
    expect(await statusLine().innerText()).toContain('2 ändringar är sparade på enheten');
    await utredning.waitFor();
    expect(await utredning.innerText()).toMatch(/81,5\s%/);
    await screenshot(phone.page, 'offline-waiting-360');
    await expectAccessible(phone.page, 'offline with waiting changes');

    // The header and the bottom bar leave the 640 px screen to the work: a quarter at most, with the state
    // still on screen in one line and whole to a screen reader.
    await phone.page.evaluate(() => window.scrollTo(0, 0));
    const bars = await phone.page.evaluate(() => ['header', 'nav'].reduce((sum, tag) => sum + document.querySelector(tag)!.getBoundingClientRect().height, 0));
    expect(bars, 'header and bottom bar together').toBeLessThanOrEqual(640 * 0.25);
    const shown = statusLine().getByRole('button', { expanded: false });
    expect(await shown.innerText()).toMatch(/^Ingen anslutning\s*,?\s*2 ändringar väntar$/);
    expect(await statusLine().innerText()).toContain('Ingen anslutning – 2 ändringar är sparade på enheten och skickas när nätet är tillbaka');
    await phone.page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(phone.page, 'offline with waiting changes, dark');
    await phone.page.emulateMedia({ colorScheme: 'light' });

    // The list of what waits says it in words, in the order it was made.
    await openSyncDetails(phone.page);
    expect(await shown.count(), 'the details open on tap').toBe(0);
    await statusLine().getByRole('link', { name: 'Visa ändringar' }).click();
    await phone.page.getByRole('region', { name: 'Väntar på att skickas (2)' }).getByRole('listitem').nth(1).waitFor();
    const waiting = await phone.page.getByRole('region', { name: 'Väntar på att skickas (2)' }).getByRole('listitem').allInnerTexts();
    expect(waiting[0]).toContain(ACTIVITY);
    expect(waiting[0]).toContain('Status: Försenad · Kommentar: ”Psykologtjänsterna är inte tillsatta.”');
    expect(waiting[1]).toContain('BUP, utredning');
    expect(waiting[1]).toMatch(/Utfall .*: 81,5\s%/);
    await expectAccessible(phone.page, 'changes waiting on the device');
    await phone.page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(phone.page, 'changes-waiting-dark-360');
    await expectAccessible(phone.page, 'changes waiting on the device, dark');
    await phone.page.emulateMedia({ colorScheme: 'light' });
  });

  it('makes fifty more changes offline through two reloads, and they all reach the server once, in order', async () => {
    await phone.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter' }).click();
    const plans = phone.page.getByRole('combobox', { name: 'Plan' });
    await plans.selectOption((await plans.locator('option', { hasText: '2025' }).first().getAttribute('value'))!);
    await item().getByRole('link', { name: new RegExp(ACTIVITY) }).click();
    const comment = phone.page.getByLabel('Kommentar');
    for (let n = 1; n <= 50; n++) {
      await comment.fill(`Anteckning ${n} av 50.`);
      await phone.page.getByRole('button', { name: 'Spara', exact: true }).click();
      await phone.page.getByText('Sparat på enheten.').waitFor();
      if (n === 20 || n === 40) {
        await phone.page.reload();
        await comment.waitFor();
      }
    }
    expect(await statusLine().innerText()).toContain('52 ändringar är sparade på enheten');

    await phone.context.setOffline(false);
    await phone.page.getByRole('status').filter({ hasText: 'Alla ändringar sparade' }).waitFor({ timeout: 30_000 });
    const activityId = phone.page.url().split('/').at(-1)!;
    const { updates } = await serverJson<{ updates: { text: string | null; toStatus: string; createdAt: string }[] }>(`/api/activities/${activityId}`);
    const notes = updates.filter((u) => u.text?.startsWith('Anteckning')).reverse();
    expect(notes.map((u) => u.text)).toEqual(Array.from({ length: 50 }, (_, i) => `Anteckning ${i + 1} av 50.`));
    expect(updates.filter((u) => u.text === 'Psykologtjänsterna är inte tillsatta.' && u.toStatus === 'Försenad')).toHaveLength(1);
    expect(await phone.page.getByText('Inte skickad än').count()).toBe(0);
  });
});
