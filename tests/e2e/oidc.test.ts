import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcEnv, startTestIdp, type TestClient, type TestIdp } from '../fixtures/oidcProvider.ts';
import { freePort } from '../fixtures/serverDatabase.ts';
import { startAppServer, type AppServer } from './appServer.ts';
import { expectAccessible, launchChromium, PHONE, screenshot, signIn } from './browser.ts';

/**
 * Signing in through the region's identity provider, in Chromium, against a real OpenID provider started
 * here (oidc-provider) with its own login, consent and sign-out pages. Two apps on databases of their own:
 * one that refuses people it does not know and keeps passwords, and one that creates them as läsare on
 * BUP with password sign-in off.
 */
let idp: TestIdp;
let refusing: AppServer;
let creating: AppServer;
let browser: Browser;
const PROVIDER = 'Testregionens inloggning';

beforeAll(async () => {
  const ports = [await freePort(), await freePort()];
  const [refusingClient, creatingClient]: TestClient[] = ports.map((port, i) => ({ clientId: `malbild-${i}`, clientSecret: `hemligt-${i}-for-testerna`, appUrl: `http://127.0.0.1:${port}` }));
  idp = await startTestIdp({
    clients: [refusingClient!, creatingClient!],
    accounts: {
      // The demo's BUP rapportör, as the provider spells the address.
      bup: { email: 'BUP@Malbild.Example', email_verified: true, name: 'Bo Rapportör (BUP)' },
      okand: { email: 'olga.okand@region.example', email_verified: true, name: 'Olga Okänd' },
      // The demo's committee member, under an address the region gave him that Målbild does not know.
      nils: { email: 'nils.annan@region.example', email_verified: true, name: 'Nils Annan' },
    },
  });
  [refusing, creating] = await Promise.all([
    startAppServer({ port: ports[0], env: oidcEnv(idp, refusingClient!, { OIDC_NAME: PROVIDER }) }),
    startAppServer({ port: ports[1], env: oidcEnv(idp, creatingClient!, { OIDC_NAME: PROVIDER, OIDC_UNKNOWN: 'create', OIDC_NEW_ROLE: 'läsare', OIDC_NEW_UNIT: 'bup', PASSWORD_LOGIN: '0' }) }),
  ]);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([refusing?.stop(), creating?.stop()]);
  await idp?.stop();
});

/** A phone of its own (its own cookies at the app and at the provider) on one of the apps. */
async function phone(app: AppServer): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, baseURL: app.baseURL });
  // The provider's development pages load a web font; this machine has no internet to fetch it from.
  await context.route(/fonts\.googleapis\.com/, (route) => route.abort());
  return { context, page: await context.newPage() };
}

/** The provider's own pages: its login (any password will do; the login name picks the account), then its consent. */
async function signInAtProvider(page: Page, login: string) {
  await page.waitForURL((url) => url.origin === idp.issuer);
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('vad-som-helst');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

const providerLink = (page: Page) => page.getByRole('link', { name: `Logga in med ${PROVIDER}` });
/** Whether anyone is signed in: `/api/auth/me` answers nobody with `user: null`. */
const signedIn = async (page: Page) => ((await (await page.request.get('/api/auth/me')).json()) as { user: unknown }).user !== null;

/** Waits for the sign-in screen to say why, and checks nobody got signed in. */
async function expectTurnedAway(page: Page, reason: string, message: string) {
  await page.waitForURL((url) => url.pathname === '/logga-in' && url.searchParams.get('fel') === reason);
  await page.getByRole('alert').filter({ hasText: message }).waitFor();
  expect(await signedIn(page)).toBe(false);
  // And it can be tried again from there.
  await providerLink(page).waitFor();
}

describe('a known person signs in through the provider on a 360 px phone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await phone(refusing)));
  afterAll(() => context.close());

  it('offers the provider beside the password, and lands where the person was going', async () => {
    await page.goto('/konto');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    const link = providerLink(page);
    await link.waitFor();
    expect(await page.getByLabel('Lösenord', { exact: true }).isVisible()).toBe(true);
    expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'login-oidc-360');
    await expectAccessible(page, 'sign-in with the identity provider');

    await link.click();
    await signInAtProvider(page, 'bup');
    await page.waitForURL((url) => url.origin === refusing.baseURL && url.pathname === '/konto');
    await page.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
    await page.getByText('Bo Rapportör (BUP) · bup@malbild.example').waitFor();
    expect(await signedIn(page)).toBe(true);
  });

  it('signs out of the app and of the provider, which asks the person and sends them back', async () => {
    await page.locator('summary', { hasText: /Konto/ }).click();
    await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
    // The provider's end-session page, reached with the session's ID token as its hint.
    await page.waitForURL((url) => url.origin === idp.issuer && url.pathname === '/session/end');
    expect(await signedIn(page)).toBe(false);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === refusing.baseURL && url.pathname === '/logga-in');
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();

    // The provider's session ended too: signing in again asks for the login, not just a consent.
    await providerLink(page).click();
    await page.waitForURL((url) => url.origin === idp.issuer);
    await page.getByPlaceholder('Enter any login').waitFor();
  });
});

describe('sign-ins that must not end in a session', () => {
  it('refuses an answer whose state is not the one this browser set out with', async () => {
    const { context, page } = await phone(refusing);
    try {
      // The browser keeps the state it was given; the provider is sent, and answers with, another.
      await page.route(/\/api\/auth\/oidc\/start/, async (route) => {
        const response = await route.fetch({ maxRedirects: 0 });
        const to = new URL(response.headers().location!);
        to.searchParams.set('state', 'en-annan-webblasares-state');
        await route.fulfill({ response, headers: { ...response.headers(), location: to.href } });
      });
      await page.goto('/logga-in');
      await providerLink(page).click();
      await signInAtProvider(page, 'bup');
      await expectTurnedAway(page, 'state', 'Inloggningen kunde inte slutföras: den tog för lång tid eller började i en annan flik eller webbläsare.');
      await screenshot(page, 'login-oidc-state-360');
      await expectAccessible(page, 'sign-in after a wrong state');
    } finally {
      await context.close();
    }
  });

  it('refuses a code that ran out before the browser came back with it', async () => {
    const { context, page } = await phone(refusing);
    idp.setCodeSeconds(1);
    idp.setReturnDelay(2_500);
    try {
      await page.goto('/logga-in');
      await providerLink(page).click();
      await signInAtProvider(page, 'bup');
      await expectTurnedAway(page, 'code', 'Inloggningen hann gå ut innan den blev klar. Försök igen.');
    } finally {
      idp.setCodeSeconds(60);
      idp.setReturnDelay(0);
      await context.close();
    }
  });

  it('turns away a person nobody in Målbild is, in words', async () => {
    const { context, page } = await phone(refusing);
    try {
      await page.goto('/logga-in');
      await providerLink(page).click();
      await signInAtProvider(page, 'okand');
      await expectTurnedAway(page, 'refused', 'Du har inget konto i Målbild. Be en administratör att lägga upp dig och försök sedan igen.');
      await screenshot(page, 'login-oidc-refused-360');
    } finally {
      await context.close();
    }
  });
});

describe('an administrator gives a person their identity at the provider', () => {
  it('sets it on the person’s card, after which the provider’s sign-in finds them by it', async () => {
    const admin = await phone(refusing);
    const nils = await phone(refusing);
    try {
      await signIn(admin.page, 'admin@malbild.example');
      await admin.page.goto('/admin/anvandare');
      const card = admin.page.getByRole('article').filter({ hasText: 'namnd@malbild.example' });
      await card.locator('summary', { hasText: 'Inloggnings-id' }).click();
      const field = card.getByLabel('Inloggnings-id');
      await field.fill('två ord');
      await card.getByRole('button', { name: 'Spara inloggnings-id' }).click();
      await card.getByText('Inloggnings-id får inte innehålla mellanslag eller kontrolltecken.').waitFor();
      await field.fill('Nils.Annan@Region.Example');
      await card.getByRole('button', { name: 'Spara inloggnings-id' }).click();
      await admin.page.getByRole('status').filter({ hasText: 'Inloggnings-id för Nils Ledamot (nämnd) är sparat.' }).waitFor();
      await card.getByText('Inloggnings-id: Nils.Annan@Region.Example').waitFor();
      await screenshot(admin.page, 'admin-external-id-360');
      await expectAccessible(admin.page, 'admin users with the identity form open');

      await nils.page.goto('/logga-in');
      await providerLink(nils.page).click();
      await signInAtProvider(nils.page, 'nils');
      await nils.page.waitForURL((url) => url.origin === refusing.baseURL && url.pathname !== '/logga-in');
      const { user } = (await (await nils.page.request.get('/api/auth/me')).json()) as { user: { email: string } };
      expect(user.email).toBe('namnd@malbild.example');
    } finally {
      await admin.context.close();
      await nils.context.close();
    }
  });
});

describe('where unknown people are created and passwords are off', () => {
  it('offers only the provider, and gives a new person the configured role on the configured unit', async () => {
    const { context, page } = await phone(creating);
    try {
      await page.goto('/logga-in');
      await providerLink(page).waitFor();
      expect(await page.getByLabel('Lösenord', { exact: true }).count()).toBe(0);
      expect(await page.getByLabel('E-postadress').count()).toBe(0);
      const password = await page.request.post('/api/auth/login', { data: { email: 'bup@malbild.example', password: 'demo-losenord-2026' }, headers: { origin: creating.baseURL } });
      expect(password.status()).toBe(403);
      await expectAccessible(page, 'sign-in with the provider only');

      await providerLink(page).click();
      await signInAtProvider(page, 'okand');
      await page.waitForURL((url) => url.origin === creating.baseURL && url.pathname !== '/logga-in');
      const { user } = (await (await page.request.get('/api/auth/me')).json()) as { user: { name: string; email: string; isAdmin: boolean; writableUnitIds: string[]; grants: { role: string; includeSubunits: boolean }[] } };
      expect(user).toMatchObject({ name: 'Olga Okänd', email: 'olga.okand@region.example', isAdmin: false, writableUnitIds: [] });
      expect(user.grants).toEqual([expect.objectContaining({ role: 'läsare', includeSubunits: true })]);
      // The unit is BUP: the menu names it once the device has pulled the plan and its units.
      await page.getByRole('heading', { level: 1, name: 'Förvaltningsplan 2025–2027' }).waitFor({ timeout: 20_000 });
      await page.locator('summary', { hasText: /Konto/ }).click();
      await expect.poll(() => page.getByText('Olga Okänd · läsare, BUP').isVisible()).toBe(true);
      await screenshot(page, 'oidc-created-reader-360');
    } finally {
      await context.close();
    }
  });
});
