import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_ERRORS } from '@shared/schemas/signIn.ts';
import { insertUser } from '../../server/db/users.ts';
import { oidcSettings, signInAtIdp, startTestIdp, type TestIdp } from '../fixtures/oidcProvider.ts';
import { openTestApp, type TestApp } from '../fixtures/testApp.ts';

/**
 * What a hostile browser (or someone sending a victim a link) brings to the two OIDC routes, with OIDC on
 * against a real provider: forged and missing states, garbage codes, another issuer's answer, huge and
 * odd query strings and cookies, and return paths that lead off the site. Every answer is a redirect to
 * the sign-in screen with a known reason (never a 5xx), none carries a session or repeats the junk, and
 * no forged answer uses up the real sign-in on its way.
 */
const APP = 'http://malbild.test';
const CLIENT = { clientId: 'malbild', clientSecret: 'hemligt-for-fientliga-tester', appUrl: APP };
const MARK = '<img src=x onerror=alert(1)>';
let idp: TestIdp;
let t: TestApp;

beforeAll(async () => {
  idp = await startTestIdp({ clients: [CLIENT], accounts: { anna: { email: 'anna@region.example', name: 'Anna' } } });
  t = await openTestApp(undefined, {
    loginAttemptsPerMinute: 10_000,
    settings: {
      oidc: oidcSettings(idp, CLIENT),
    },
  });
  await insertUser(t.db, { name: 'Anna', email: 'anna@region.example', passwordHash: 'x' });
}, 60_000);
afterAll(async () => {
  await idp?.stop();
  await t?.close();
});

const REFUSED = new RegExp(`^/logga-in\\?fel=(${SIGN_IN_ERRORS.join('|')})$`);

/** A callback answer: a redirect to the sign-in screen with a reason, no session, and no junk repeated. */
async function expectRefused(response: Response, label: string) {
  expect(response.status, label).toBe(302);
  expect(response.headers.get('location'), label).toMatch(REFUSED);
  expect(response.headers.getSetCookie().some((line) => line.startsWith('malbild_session=')), `${label}: a session`).toBe(false);
  const body = await response.text();
  expect(body, label).not.toContain(MARK);
}

/** A real sign-in on its way: its state (the browser's cookie) and the provider's genuine answer. */
async function onItsWay() {
  const start = await t.anonymous.request('/api/auth/oidc/start');
  const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
  const back = await signInAtIdp(start.headers.get('location')!, 'anna', APP);
  return { state, back };
}

const callback = (query: string, cookie?: string) => t.anonymous.request(`/api/auth/oidc/callback${query}`, { headers: cookie === undefined ? {} : { cookie } });

describe('the OIDC callback, given what a hostile browser sends', () => {
  it('refuses forged, missing and doubled states, garbage codes and odd query strings, and keeps the real sign-in usable', async () => {
    const { state, back } = await onItsWay();
    const code = back.searchParams.get('code')!;
    const iss = encodeURIComponent(idp.issuer);
    const attempts: [string, string | undefined][] = [
      ['', undefined],
      [`?code=${code}&state=${state}&iss=${iss}`, undefined],
      [`?code=${code}&state=${state}&iss=${iss}`, 'malbild_oidc=en-annan'],
      [`?code=${code}&state=en-annan&iss=${iss}`, 'malbild_oidc=en-annan'],
      [`?code=${code}&state=${state}&state=${state}x&iss=${iss}`, `malbild_oidc=${state}x`],
      [`?code=${code}&state=`, 'malbild_oidc='],
      [`?code=${encodeURIComponent(MARK)}&state=${encodeURIComponent(MARK)}`, `malbild_oidc=${encodeURIComponent(MARK)}`],
      [`?code=%zz&state=%00%ff%fe`, 'malbild_oidc=%00'],
      [`?code[]=x&state[a]=y&__proto__[x]=1&constructor=1`, 'malbild_oidc=y'],
      [`?error=${encodeURIComponent(MARK)}&error_description=${encodeURIComponent(MARK)}&state=x`, 'malbild_oidc=x'],
      [`?${'a'.repeat(100_000)}=1&state=x`, 'malbild_oidc=x'],
      [`?code=${'c'.repeat(50_000)}&state=${'s'.repeat(50_000)}`, `malbild_oidc=${'s'.repeat(50_000)}`],
      [`?code=x&state=y`, `malbild_oidc=${'z'.repeat(8_000)}; malbild_oidc=y`],
      [`?code=🙂&state=\u202Eשלום`, `malbild_oidc=${encodeURIComponent('\u202Eשלום')}`],
    ];
    for (const [query, cookie] of attempts) await expectRefused(await callback(query, cookie), `${query.slice(0, 80)} | ${cookie?.slice(0, 40)}`);

    // Not one of those used up the sign-in the browser really began.
    const real = await callback(back.search, `malbild_oidc=${state}`);
    expect(real.status).toBe(302);
    expect(real.headers.get('location')).toBe('/');
    expect(real.headers.getSetCookie().some((line) => line.startsWith('malbild_session='))).toBe(true);
  });

  it('refuses a genuine code with a garbage one in its place, and the genuine one claiming another issuer (a mix-up)', async () => {
    for (const change of [(q: URLSearchParams) => q.set('code', 'x'.repeat(300)), (q: URLSearchParams) => q.set('iss', 'https://idp.evil.example')]) {
      const { state, back } = await onItsWay();
      const query = new URLSearchParams(back.search);
      change(query);
      await expectRefused(await callback(`?${query}`, `malbild_oidc=${state}`), query.toString().slice(0, 80));
    }
  });

  it('never stores a way off the site as the place to return to', async () => {
    const hostile = ['//evil.example', '/\\evil.example', '/\t/evil.example', 'https://evil.example', `/${MARK}`.replace('/', '//'), 'javascript:alert(1)', '/logga-in?till=//evil.example', `/${'a'.repeat(5_000)}`];
    for (const till of hostile) {
      const start = await t.anonymous.request(`/api/auth/oidc/start?till=${encodeURIComponent(till)}`);
      expect(start.status, till).toBe(302);
      const to = new URL(start.headers.get('location')!);
      expect(to.origin, till).toBe(idp.issuer);
      expect(to.href, till).not.toContain(encodeURIComponent(till));
      const state = to.searchParams.get('state')!;
      const back = await signInAtIdp(to.href, 'anna', APP);
      const landed = await callback(back.search, `malbild_oidc=${state}`);
      expect(landed.headers.get('location'), till).toBe('/');
    }
  });

  it('does not let junk in the start address through to the provider', async () => {
    const start = await t.anonymous.request(`/api/auth/oidc/start?till=/ok&redirect_uri=${encodeURIComponent('https://evil.example/cb')}&client_id=annan&scope=admin`);
    const to = new URL(start.headers.get('location')!);
    expect(to.searchParams.getAll('redirect_uri')).toEqual([`${APP}/api/auth/oidc/callback`]);
    expect(to.searchParams.getAll('client_id')).toEqual(['malbild']);
    expect(to.searchParams.getAll('scope')).toEqual(['openid email profile']);
  });
});
