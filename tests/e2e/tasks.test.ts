import { beforeAll, describe, expect, it } from 'vitest';
import { phoneOnOwnServer } from './phoneOnOwnServer.ts';
import { expectAccessible, PHONE, screenshot, signIn } from './browser.ts';
import { bupMonthlyPlan, importPlan } from './seedPlan.ts';

/** The BUP unit manager opens the app and starts with what they are responsible for. */
const phone = phoneOnOwnServer('bup@malbild.example');

const ACTIVITY = 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin';
const plans = () => phone.page.getByRole('combobox', { name: 'Plan' });
const item = () => phone.page.getByRole('article').filter({ has: phone.page.getByRole('heading', { name: ACTIVITY }) });

describe('Mina uppgifter', () => {
  it('is where a rapportör starts, grouped by what needs doing, with counts', async () => {
    await phone.page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    expect(phone.page.url()).toMatch(/\/mina-uppgifter$/);
    for (const heading of [/^Behöver åtgärd/, /^Utfall att lägga in \(\d+\)/, /^Mål att bedöma/, /^Mina aktiviteter \(\d+\)/]) {
      await phone.page.getByRole('heading', { level: 2, name: heading }).waitFor({ timeout: 10_000 });
    }
    expect(await item().isVisible()).toBe(true);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
    await screenshot(phone.page, 'tasks-360');
    await expectAccessible(phone.page, 'Mina uppgifter');
  });

  it('asks for nothing in a finished plan', async () => {
    // The administratör answers for every unit, so the 2024 plan's indicators and goals are theirs too.
    const context = await phone.browser.newContext({ ...PHONE, baseURL: phone.server.baseURL });
    const page = await context.newPage();
    try {
      await signIn(page, 'admin@malbild.example');
      const plans = page.getByRole('combobox', { name: 'Plan' });
      await plans.selectOption((await plans.locator('option', { hasText: 'Förvaltningsplan 2024' }).getAttribute('value'))!);
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
      await page.getByRole('heading', { level: 2, name: /^Mina aktiviteter \([1-9]/ }).waitFor();
      expect(await page.getByRole('heading', { level: 2, name: 'Utfall att lägga in (0)' }).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 2, name: 'Mål att bedöma (0)' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('filters by search text and by status, kept in the address', async () => {
    await phone.page.getByLabel('Sök bland mina uppgifter').fill('ungdomspsyk');
    await expect.poll(() => phone.page.url()).toContain('sok=ungdomspsyk');
    expect(await item().isVisible()).toBe(true);
    await phone.page.getByLabel('Status').selectOption('Klar');
    await expect.poll(() => item().count()).toBe(0);
    await phone.page.getByLabel('Status').selectOption('');
    await phone.page.getByLabel('Sök bland mina uppgifter').fill('');
  });

  it('keeps a comment being typed through a reload', async () => {
    await item().getByText('Rapportera status').click();
    await item().getByLabel('Kommentar').fill('Halvfärdig tanke om lokalerna');
    await phone.page.waitForTimeout(400);
    await phone.page.reload();
    await item().getByText('Rapportera status').click();
    await expect.poll(() => item().getByLabel('Kommentar').inputValue()).toBe('Halvfärdig tanke om lokalerna');
    await item().getByText('Rapportera status').click();
  });

  it('sets an activity to Försenad with a comment in three taps plus typing, without network', async () => {
    await phone.context.setOffline(true);
    await item().getByText('Rapportera status').click();
    await item().getByRole('radio', { name: 'Försenad' }).check();
    await item().getByLabel('Kommentar').fill('Väntar på beslut om lokaler.');
    await item().getByRole('button', { name: 'Spara' }).click();
    await item().getByText('Väntar på att skickas').waitFor();
    // Försenad needs attention, but the activity stays where the person is working, with what was saved,
    // until they leave the screen; back on it, the activity is in the top group.
    expect(await item().getByRole('status').filter({ hasText: 'Sparat på enheten.' }).isVisible()).toBe(true);
    expect(await phone.page.getByRole('heading', { level: 2, name: 'Behöver åtgärd (0)' }).count()).toBe(1);
    const nav = phone.page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Mål' }).click();
    await nav.getByRole('link', { name: 'Mina uppgifter' }).click();
    await phone.page.getByRole('heading', { level: 2, name: 'Behöver åtgärd (1)' }).waitFor();
    await phone.context.setOffline(false);
    await phone.page.getByRole('status').filter({ hasText: 'Alla ändringar sparade' }).waitFor({ timeout: 20_000 });
    expect(await item().getByText('Väntar på att skickas').count()).toBe(0);
  });
});

describe('an outcome due on Mina uppgifter', () => {
  const INDICATOR = 'Nybesök inom 30 dagar';
  let planName = '';
  beforeAll(async () => {
    planName = await importPlan(phone.server.baseURL, bupMonthlyPlan(INDICATOR));
    // Opened again, the app pulls what the server has: the new plan comes to the phone.
    await phone.page.reload();
    await plans().locator('option', { hasText: planName }).waitFor({ state: 'attached', timeout: 20_000 });
  });

  it('says what was saved, in Swedish figures, once the card has left the list', async () => {
    await phone.page.getByLabel('Sök bland mina uppgifter').fill('nybesök');
    await expect.poll(() => phone.page.url()).toContain('sok=nybes');
    await plans().selectOption({ label: planName });
    // The other plan opens on the same screen, with the search kept.
    await expect.poll(() => plans().inputValue()).not.toBe('');
    await phone.page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
    await expect.poll(() => new URL(phone.page.url()).pathname).toMatch(/\/mina-uppgifter$/);
    expect(await phone.page.getByLabel('Sök bland mina uppgifter').inputValue()).toBe('nybesök');
    const due = phone.page.getByRole('article').filter({ has: phone.page.getByRole('heading', { level: 3, name: INDICATOR, exact: true }) });
    await phone.page.getByRole('heading', { level: 2, name: 'Utfall att lägga in (1)' }).waitFor({ timeout: 10_000 });
    await due.getByText('Lägg in utfall').click();
    await due.getByLabel('Utfall (%)').fill('81,5');
    await due.getByRole('button', { name: 'Spara utfall' }).click();
    const saved = phone.page.getByRole('status').filter({ hasText: 'Sparat på enheten: ' });
    await saved.waitFor();
    expect(await saved.innerText()).toMatch(new RegExp(`^Sparat på enheten: 81,5\\s% för ${INDICATOR}$`));
    // The outcome is no longer due: its card is gone, and the line above the list still says what was saved.
    await phone.page.getByRole('heading', { level: 2, name: 'Utfall att lägga in (0)' }).waitFor();
    expect(await due.count()).toBe(0);
    expect(await saved.isVisible()).toBe(true);
    await expectAccessible(phone.page, 'Mina uppgifter after saving an outcome');
    await phone.page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(phone.page, 'Mina uppgifter after saving an outcome, dark');
    await phone.page.emulateMedia({ colorScheme: 'light' });

    await phone.page.getByLabel('Sök bland mina uppgifter').fill('');
    await plans().selectOption({ label: 'Förvaltningsplan 2025–2027' });
    await item().waitFor();
    expect(new URL(phone.page.url()).pathname).toMatch(/\/mina-uppgifter$/);
  });
});

describe('an activity of its own', () => {
  it('shows what it links to and its whole history, the newest first', async () => {
    await item().getByRole('link', { name: new RegExp(ACTIVITY) }).click();
    await phone.page.getByRole('heading', { level: 1, name: new RegExp(ACTIVITY) }).waitFor();
    const history = phone.page.getByRole('list').filter({ hasText: 'Väntar på beslut om lokaler.' });
    const first = history.getByRole('listitem').first();
    expect(await first.innerText()).toMatch(/Bo Rapportör \(BUP\)[\s\S]*Status: Försenad[\s\S]*Väntar på beslut om lokaler\./);
    expect(await phone.page.getByText('Barn- och ungdomspsykiatri').first().isVisible()).toBe(true);
    await screenshot(phone.page, 'activity-360');
    await expectAccessible(phone.page, 'activity');
  });
});
