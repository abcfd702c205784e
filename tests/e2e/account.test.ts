import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, openSyncDetails, PHONE, signIn } from './browser.ts';
import { phoneOnOwnServer } from './phoneOnOwnServer.ts';

/** One's own account on a phone, and an administrator lifting a lock, on a server of this file's own. */
const phone = phoneOnOwnServer('bup@malbild.example');
const NEW_PASSWORD = 'ett-nytt-och-langt-losenord';

async function otherPhone(email: string, password = DEMO_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone.browser.newContext({ ...PHONE, baseURL: phone.server.baseURL });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

const wrongSignIn = (page: Page, email: string) =>
  page.request.post('/api/auth/login', { data: { email, password: 'fel-losenord' }, headers: { origin: phone.server.baseURL } });

describe('Mitt konto', () => {
  let tablet: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    tablet = await otherPhone('bup@malbild.example');
  });
  afterAll(() => tablet.context.close());

  it('is reached from the account menu and passes axe in light and dark', async () => {
    const { page } = phone;
    await page.locator('summary', { hasText: /Konto/ }).click();
    await page.getByRole('link', { name: 'Mitt konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
    await expectAccessible(page, 'Mitt konto');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'Mitt konto, mörkt läge');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('changes the password only with the current one, and signs out the person’s other devices', async () => {
    const { page } = phone;
    const form = page.getByRole('form', { name: 'Byt lösenord' });
    await form.getByLabel('Nuvarande lösenord').fill('inte-mitt-losenord');
    await form.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Byt lösenord' }).click();
    await form.getByText('Det nuvarande lösenordet stämmer inte.').waitFor();

    await form.getByLabel('Nuvarande lösenord').fill(DEMO_PASSWORD);
    await form.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Byt lösenord' }).click();
    await page.getByText('Lösenordet är bytt. Dina andra enheter är utloggade.').waitFor();
    expect(await form.getByLabel('Nytt lösenord').inputValue(), 'the typed password does not stay on screen').toBe('');

    await openSyncDetails(tablet.page);
    await tablet.page.getByRole('button', { name: 'Synka nu' }).click();
    await tablet.page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await signIn(tablet.page, 'bup@malbild.example', NEW_PASSWORD);
    // The tablet's first sync after signing in must be over before the next test ends its session mid-pull.
    // (Synka nu is there once the sync is idle; on a phone it waits in the sync state's details.)
    await openSyncDetails(tablet.page);
    await tablet.page.getByRole('button', { name: 'Synka nu' }).waitFor();
  });

  it('signs out every other device on request, and says how many', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: 'Logga ut alla andra enheter' }).click();
    await page.getByText('1 annan enhet loggades ut.').waitFor();
    await openSyncDetails(tablet.page);
    await tablet.page.getByRole('button', { name: 'Synka nu' }).click();
    await tablet.page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await page.getByRole('button', { name: 'Logga ut alla andra enheter' }).click();
    await page.getByText('Inga andra enheter var inloggade.').waitFor();
  });
});

describe('a locked sign-in', () => {
  it('is shown to the administrator, who lifts it with one tap', async () => {
    const admin = await otherPhone('admin@malbild.example');
    try {
      for (let i = 0; i < 5; i++) expect((await wrongSignIn(admin.page, 'namnd@malbild.example')).status()).toBe(401);
      expect((await wrongSignIn(admin.page, 'namnd@malbild.example')).status()).toBe(429);
      await admin.page.goto('/admin/anvandare');
      const locks = admin.page.getByRole('region', { name: 'Låsta inloggningar' });
      await locks.getByText('namnd@malbild.example').waitFor();
      await expectAccessible(admin.page, 'Användare med en låst inloggning');
      // The test server runs without SMTP_URL: the administrator is told reminders stay in the app.
      await admin.page.getByRole('region', { name: 'Påminnelser via e-post' }).getByText('E-post är avstängd: påminnelserna syns bara i appen').waitFor();
      await locks.getByRole('button', { name: /Lås upp/ }).click();
      await admin.page.getByText(/Inloggningen för .* är upplåst\./).waitFor();
      expect(await locks.count()).toBe(0);
      const member = await otherPhone('namnd@malbild.example');
      await member.context.close();
    } finally {
      await admin.context.close();
    }
  });
});
