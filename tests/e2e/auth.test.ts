import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, launchChromium, openSyncDetails, PHONE, screenshot, signIn } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A phone of its own: its own cookies and IndexedDB. */
async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, baseURL: baseURL() });
  return { context, page: await context.newPage() };
}

/** Opens (or, when open, closes) the account menu in the header. */
async function openAccountMenu(page: Page) {
  await page.locator('summary', { hasText: /Konto/ }).click();
}

/** Records the device holds in one IndexedDB table. */
const deviceCount = (page: Page, table: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('malbild');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // Closed at once: an open connection would hold up the app deleting the database on sign-out.
          const done = (result: () => void) => (db.close(), result());
          if (!db.objectStoreNames.contains(name)) return done(() => resolve(0));
          const request = db.transaction(name).objectStore(name).count();
          request.onsuccess = () => done(() => resolve(request.result));
          request.onerror = () => done(() => reject(request.error));
        };
      }),
    table,
  );

/** Names of every button and link on the page that a person can see. */
const controlNames = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('button, a, summary, [role="button"], [role="link"]')]
      .filter((element) => (element as HTMLElement).offsetParent !== null || (element as HTMLElement).getClientRects().length > 0)
      .map((element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim()),
  );
const EDIT_WORDS = /^(Ändra|Spara|Ny|Redigera|Rapportera|Lägg till|Ta bort|Administration)\b/i;

describe('signing in on a 360 px phone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await phone()));
  afterAll(() => context.close());

  it('sends a visit without a session to the sign-in screen, remembering where it was going', async () => {
    await page.goto('/admin/logg');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/logga-in');
    expect(url.searchParams.get('till')).toBe('/admin/logg');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).count()).toBe(0);

    const email = page.getByLabel('E-postadress');
    expect(await email.getAttribute('type')).toBe('email');
    expect(await email.getAttribute('autocomplete')).toBe('username');
    expect(await page.getByLabel('Lösenord', { exact: true }).getAttribute('autocomplete')).toBe('current-password');
    for (const control of [email, page.getByRole('button', { name: 'Logga in' })]) {
      expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'login-360');
    await expectAccessible(page, 'sign-in');
  });

  it("shows the server's message for a wrong password, with the button disabled while it is sent", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/login', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByLabel('E-postadress').fill('namnd@malbild.example');
    await page.getByLabel('Lösenord', { exact: true }).fill('fel-losenord-123');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Loggar in …' }).isDisabled()).toBe(true);
    release();
    const alert = page.getByRole('alert').filter({ hasText: 'Fel e-postadress eller lösenord.' });
    await alert.waitFor();
    expect(await page.getByRole('button', { name: 'Logga in' }).isEnabled()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    await page.unroute('**/api/auth/login');

    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'login-error-dark-360');
    await expectAccessible(page, 'sign-in with an error, dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('checks the form before sending it', async () => {
    await page.getByLabel('E-postadress').fill('inte en adress');
    await page.getByLabel('Lösenord', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Logga in' }).click();
    expect(await page.getByText('Skriv en giltig e-postadress.').isVisible()).toBe(true);
    expect(await page.getByLabel('E-postadress').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Skriv ditt lösenord.').isVisible()).toBe(true);
  });
});

describe('a committee member (läsare) reads the plan and can change nothing', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await phone()));
  afterAll(() => context.close());

  it('signs in and sees the plan, with who they are in the header', async () => {
    await signIn(page, 'namnd@malbild.example');
    // A committee member starts on the overview, not the goal list.
    await page.getByRole('heading', { level: 1, name: 'Översikt – Förvaltningsplan 2025–2027' }).waitFor({ timeout: 20_000 });
    expect(page.url()).toMatch(/\/planer\/[0-9a-f-]{36}\/oversikt(\?|$)/);
    await openAccountMenu(page);
    await expect.poll(() => page.getByText('läsare, Region Västmanland').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await screenshot(page, 'reader-menu-360');
    await expectAccessible(page, 'account menu');
    await openAccountMenu(page);
  });

  it('has no edit controls on any screen, and no way into the administration', async () => {
    const seen: string[] = [];
    seen.push(...(await controlNames(page)));
    // A läsare starts on the overview, whose perspectives open on a tap; the goal list shows every goal.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mål' }).click();
    seen.push(...(await controlNames(page)));
    await page.getByRole('link', { name: /Förvaltningens verksamhet ska bedrivas med god tillgänglighet/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Förvaltningens verksamhet ska bedrivas med god tillgänglighet' }).waitFor();
    seen.push(...(await controlNames(page)));
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter per insatsområde' }).waitFor();
    seen.push(...(await controlNames(page)));
    await openAccountMenu(page);
    seen.push(...(await controlNames(page)));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.filter((name) => EDIT_WORDS.test(name))).toEqual([]);

    await page.goto('/admin/anvandare');
    await page.getByRole('heading', { level: 1, name: 'Förvaltningsplan 2025–2027' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Användare' }).count()).toBe(0);
  });

  it('signs out: back to the sign-in screen with nothing left on the device', async () => {
    expect(await deviceCount(page, 'indicator')).toBeGreaterThan(0);
    await openAccountMenu(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await deviceCount(page, 'indicator')).toBe(0);
    expect(await deviceCount(page, 'meta')).toBe(0);
    // The session really ended on the server: the plan is out of reach.
    expect(await (await page.request.get('/api/auth/me')).json()).toEqual({ user: null });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  });
});

describe('signing out with changes the server has not got yet', () => {
  it('asks first, in a dialog that keeps and returns focus', async () => {
    const { context, page } = await phone();
    await signIn(page, 'bup@malbild.example');
    // Two changes waiting in the outbox, as if made in a basement without signal.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('malbild');
          open.onsuccess = () => {
            const tx = open.result.transaction('outbox', 'readwrite');
            for (const id of ['a', 'b']) tx.objectStore('outbox').add({ id: `test-${id}`, recordId: 'x', state: 'rejected', message: null });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await openAccountMenu(page);
    const signOut = page.getByRole('button', { name: 'Logga ut' });
    await signOut.click();
    const dialog = page.getByRole('dialog', { name: 'Ändringar som inte har skickats' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Du har 2 ändringar som inte har skickats.');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skicka först');
    await screenshot(page, 'sign-out-dialog-360');
    await expectAccessible(page, 'sign-out dialog');

    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await signOut.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).not.toBe('/logga-in');

    await signOut.click();
    await dialog.getByRole('button', { name: 'Logga ut ändå' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await deviceCount(page, 'outbox')).toBe(0);
    await context.close();
  });
});

describe('an administratör manages accounts, units and reads the log', () => {
  let context: BrowserContext;
  let page: Page;
  const suffix = randomUUID().slice(0, 8);
  const newUser = { name: `Test Testsson ${suffix}`, email: `test-${suffix}@malbild.example`, password: 'ett-langt-losenord' };
  beforeAll(async () => ({ context, page } = await phone()));
  afterAll(() => context.close());

  it('opens the administration from the account menu', async () => {
    await signIn(page, 'admin@malbild.example');
    // The administratör keeps plans like a controller and starts, as one does, on the reporting's state.
    await page.getByRole('heading', { level: 1, name: /^Rapportläge – / }).waitFor({ timeout: 20_000 });
    await openAccountMenu(page);
    await expect.poll(() => page.getByText('administratör, Region Västmanland').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    const bupUser = page.getByRole('article').filter({ hasText: 'bup@malbild.example' });
    await bupUser.waitFor();
    expect(await bupUser.innerText()).toContain('rapportör · BUP (med underenheter)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'admin-users-360');
    await expectAccessible(page, 'admin users');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'admin-users-dark-360');
    await expectAccessible(page, 'admin users, dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('creates a user and grants them a role on a unit', async () => {
    await page.locator('summary', { hasText: 'Ny användare' }).click();
    await page.getByLabel('Namn').fill(newUser.name);
    await page.getByLabel('E-postadress').fill(newUser.email);
    await page.getByLabel('Första lösenord').fill('kort');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    expect(await page.getByText('Lösenordet måste ha minst 10 tecken.').isVisible()).toBe(true);
    await page.getByLabel('Första lösenord').fill(newUser.password);
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByRole('status').filter({ hasText: `${newUser.name} är skapad.` }).waitFor();

    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: newUser.name }) });
    expect(await card.innerText()).toContain('Inga behörigheter ännu.');
    await card.locator('summary', { hasText: 'Ge behörighet' }).click();
    const unitPicker = card.getByLabel('Enhet', { exact: true });
    const bup = await unitPicker.locator('option', { hasText: '(BUP)' }).getAttribute('value');
    await unitPicker.selectOption(bup!);
    await card.getByLabel('Roll').selectOption('rapportör');
    expect(await card.getByLabel('Inkludera underenheter').isChecked()).toBe(true);
    await card.getByRole('button', { name: 'Spara behörighet' }).click();
    await card.getByText('rapportör · BUP (med underenheter)').waitFor();
    await expectAccessible(page, 'admin users with forms open');
  });

  let other: { context: BrowserContext; page: Page };
  afterAll(() => other?.context.close());

  it('lets the new person sign in and see their role', async () => {
    other = await phone();
    await signIn(other.page, newUser.email, newUser.password);
    await openAccountMenu(other.page);
    await expect.poll(() => other.page.getByText(`${newUser.name} · rapportör, BUP`).isVisible(), { timeout: 20_000 }).toBe(true);
    await openAccountMenu(other.page);
  });

  it('deactivates the user: their phone is sent to sign in at its next call, keeping what it holds', async () => {
    const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: newUser.name }) });
    await card.getByRole('button', { name: `Inaktivera ${newUser.name}` }).click();
    await card.getByText('Inaktiverad').waitFor();
    // As the sign-in page would send it: a write carrying a session cookie must say where it comes from.
    const answer = await page.request.post('/api/auth/login', { data: { email: newUser.email, password: newUser.password }, headers: { origin: new URL(page.url()).origin } });
    expect(answer.status()).toBe(401);

    const where = new URL(other.page.url()).pathname;
    const held = await deviceCount(other.page, 'indicator');
    expect(held).toBeGreaterThan(0);
    await openSyncDetails(other.page);
    await other.page.getByRole('button', { name: 'Synka nu' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(new URL(other.page.url()).searchParams.get('till')).toBe(where);
    expect(await deviceCount(other.page, 'indicator')).toBe(held);
  });

  it('sees edit controls where an administratör may write', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aktiviteter per insatsområde' }).waitFor();
    await page.getByText('Rapportera status').first().waitFor();
    await page.goto('/admin/anvandare');
  });

  it('shows the unit tree and adds a sub-unit that syncs back to the device', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Enheter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enheter' }).waitFor();
    const bup = page.getByRole('listitem').filter({ has: page.getByText('Barn- och ungdomspsykiatri (BUP)', { exact: true }) }).last();
    await bup.waitFor();
    await screenshot(page, 'admin-units-360');
    await expectAccessible(page, 'admin units');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'admin units, dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const newSubunit = bup.getByRole('group').filter({ has: page.locator('summary', { hasText: 'Ny underenhet' }) });
    await newSubunit.locator('summary').click();
    await newSubunit.getByLabel('Namn', { exact: true }).fill(`Mottagning ${suffix}`);
    // The usual word one level below a Verksamhet, to keep or to write the organisation's own.
    expect(await newSubunit.getByLabel('Typ').inputValue()).toBe('Enhet');
    await newSubunit.getByRole('button', { name: 'Skapa enhet' }).click();
    await page.getByRole('status').filter({ hasText: `Mottagning ${suffix} är skapad.` }).waitFor();
    await page.getByText(`Mottagning ${suffix}`, { exact: true }).waitFor();
  });

  it('shows the log as a table, filtered by person', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Logg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg' }).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.locator('caption').innerText()).toMatch(/Loggen: \d+ händelser/);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Tidpunkt', 'Vem', 'Händelse', 'Enhet', 'Detaljer']);
    const created = table.getByRole('row').filter({ hasText: 'Användare skapad' }).filter({ hasText: newUser.email });
    expect(await created.count()).toBe(1);
    expect(await created.getByRole('rowheader').innerText()).toMatch(/^\d{1,2} [a-zåäö]{3}\. \d{4} \d{2}:\d{2}$/);
    expect(await table.getByRole('row').filter({ hasText: 'Behörighet tillagd' }).filter({ hasText: newUser.name }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'admin-audit-360');
    await expectAccessible(page, 'admin audit');

    const person = page.getByLabel('Person');
    await person.locator('option', { hasText: 'namnd@malbild.example' }).waitFor({ state: 'attached' });
    await person.selectOption((await person.locator('option', { hasText: 'namnd@malbild.example' }).getAttribute('value'))!);
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Användare skapad' }).count()).toBe(0);
    expect(await table.getByRole('row').filter({ hasText: 'Inloggning' }).count()).toBeGreaterThan(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'admin-audit-dark-360');
    await expectAccessible(page, 'admin audit, dark');
  });
});
