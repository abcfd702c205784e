import { describe, expect, it } from 'vitest';
import { phoneOnOwnServer } from './phoneOnOwnServer.ts';
import { expectAccessible, PHONE, screenshot, signIn } from './browser.ts';

/** The BUP unit manager reports an outcome without network, with the target status following what they type. */
const phone = phoneOnOwnServer('bup@malbild.example');

const bupVisits = () => phone.page.getByRole('article').filter({ has: phone.page.getByRole('heading', { name: 'BUP, besök', exact: true }) });

describe('entering an outcome on the phone', () => {
  it('evaluates the typed value against the target as it is typed, in Swedish, and checks its bounds', async () => {
    const plans = phone.page.getByRole('combobox', { name: 'Plan' });
    await plans.selectOption((await plans.locator('option', { hasText: '2024' }).first().getAttribute('value'))!);
    // The other plan opens on the same screen (Mina uppgifter); its goals are in the menu.
    await phone.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
    await phone.page.getByRole('link', { name: /god tillgänglighet/ }).click();
    await bupVisits().waitFor();
    await phone.context.setOffline(true);
    await bupVisits().getByText('Lägg in utfall').click();
    const value = bupVisits().getByLabel('Utfall (%)');
    expect(await value.getAttribute('inputmode')).toBe('decimal');

    await value.fill('101');
    expect(await bupVisits().getByRole('alert').innerText()).toBe('En andel ligger mellan 0 och 100 %.');
    await value.fill('tjugo');
    expect(await bupVisits().getByRole('alert').innerText()).toBe('Skriv ett tal, t.ex. 12,5.');
    await value.fill('45,5');
    expect(await bupVisits().getByText(/Så blir det: 45,5\s%/).isVisible()).toBe(true);
    expect(await bupVisits().getByText('Ej uppfyllt').first().isVisible()).toBe(true);
    await value.fill('92,3');
    const preview = bupVisits().getByText(/Så blir det/);
    expect(await preview.locator('..').innerText()).toContain('Uppfyllt');
    await screenshot(phone.page, 'outcome-entry-360');
    await expectAccessible(phone.page, 'outcome entry');

    await bupVisits().getByLabel('Kommentar till utfallet').fill('Fler besök efter nyrekrytering.');
    await bupVisits().getByRole('button', { name: 'Spara utfall' }).click();
    await bupVisits().getByText('Utfallet är sparat på enheten.').waitFor();
    expect(await phone.page.getByRole('status').filter({ hasText: /1 ändring är sparad på enheten/ }).count()).toBe(1);
  });

  it('sends it when the network is back, and the server then holds it once', async () => {
    await phone.context.setOffline(false);
    await phone.page.getByRole('status').filter({ hasText: 'Alla ändringar sparade' }).waitFor({ timeout: 20_000 });
    const text = await bupVisits().innerText();
    expect(text).toMatch(/92,3\s%/);
    expect(text).toContain('Fler besök efter nyrekrytering.');
    const server = await phone.page.evaluate(async () => {
      const plans = (await (await fetch('/api/plans')).json()).plans as { id: string; startYear: number }[];
      const plan = plans.find((p) => p.startYear === 2024)!;
      const indicators = (await (await fetch(`/api/plans/${plan.id}/indicators`)).json()).indicators as { id: string; name: string }[];
      const bup = indicators.find((i) => i.name === 'BUP, besök')!;
      return (await (await fetch(`/api/indicators/${bup.id}`)).json()).outcomes as { value: number; comment: string }[];
    });
    expect(server.filter((o) => o.value === 92.3 && o.comment === 'Fler besök efter nyrekrytering.')).toHaveLength(1);
  });
});

describe('assessing a goal', () => {
  it('records the assessment and its analysis for the delår, shown in the goal once saved', async () => {
    const adminContext = await phone.browser.newContext({ ...PHONE, baseURL: phone.server.baseURL });
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin@malbild.example');
    // The administratör starts on Rapportläge; the goals are in the menu.
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
    await admin.getByRole('link', { name: /Förvaltningens verksamhet ska bedrivas på rätt nivå/ }).click();
    await admin.getByText('Bedöm målet').click();
    await admin.getByRole('button', { name: 'Spara bedömning' }).click();
    expect(await admin.getByRole('alert').innerText()).toBe('Välj en bedömning.');
    // The form offers the plan's report points that can be reported now, the newest (the year, in December) first.
    const period = admin.locator('form').filter({ has: admin.getByRole('button', { name: 'Spara bedömning' }) }).getByLabel('Period');
    expect(await period.locator('option').first().innerText()).toBe('Årsredovisning 2026');
    await period.selectOption({ label: 'Delår 2 2026' });
    await admin.getByRole('radio', { name: 'Positiv' }).check();
    await admin.getByLabel('Analys').fill('Fler besök sker digitalt och på rätt vårdnivå.');
    await expectAccessible(admin, 'goal assessment');
    await admin.getByRole('button', { name: 'Spara bedömning' }).click();
    await admin.getByText('Bedömningen är sparad på enheten.').waitFor();
    await admin.getByText(/Delår 2 2026: Positiv/).waitFor();
    await admin.getByRole('status').filter({ hasText: 'Alla ändringar sparade' }).waitFor({ timeout: 20_000 });
    expect(await admin.getByText('Fler besök sker digitalt och på rätt vårdnivå.').count()).toBeGreaterThan(0);
    await adminContext.close();
  });
});

describe('a status split by part', () => {
  it('is shown part by part and each part can be changed', async () => {
    const adminContext = await phone.browser.newContext({ ...PHONE, baseURL: phone.server.baseURL });
    const admin = await adminContext.newPage();
    await signIn(admin, 'admin@malbild.example');
    const plans = admin.getByRole('combobox', { name: 'Plan' });
    await plans.selectOption((await plans.locator('option', { hasText: '2024' }).first().getAttribute('value'))!);
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter' }).click();
    await admin.getByRole('link', { name: /Utveckla arbetssätt för kontakt med patienter genom digitala lösningar/ }).click();
    const parts = admin.getByRole('group', { name: 'Status per del' });
    await parts.waitFor();
    expect(await parts.getByLabel('Digitalt grundutbud').inputValue()).toBe('Försenad');
    await parts.getByLabel('Digitalt grundutbud').selectOption('Enligt plan');
    await admin.getByLabel('Kommentar').fill('Grundutbudet är upphandlat.');
    await admin.getByRole('button', { name: 'Spara', exact: true }).click();
    const part = admin.getByRole('listitem').filter({ hasText: /^Digitalt grundutbud:/ }).first();
    await expect.poll(() => part.innerText(), { timeout: 20_000 }).toContain('Enligt plan');
    await admin.getByRole('status').filter({ hasText: 'Alla ändringar sparade' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => admin.getByText('Inte skickad än').count(), { timeout: 20_000 }).toBe(0);
    await expectAccessible(admin, 'split status');
    await adminContext.close();
  });
});
