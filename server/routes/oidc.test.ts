import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';
import { oidcSettings, signInAtIdp, startTestIdp, type TestIdp } from '../../tests/fixtures/oidcProvider.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { openTestDatabase } from '../../tests/fixtures/testDb.ts';
import type { Database } from '../db/database.ts';
import { insertGrant, insertUser } from '../db/users.ts';
import type { ServerSettings } from '../lib/appEnv.ts';
import type { OidcSettings } from '../lib/identity/oidc.ts';

/**
 * Sign-in through the region's identity provider, against a real OpenID provider on this machine: the
 * whole code flow with PKCE, and every way it can end without a session, on one database shared by apps
 * configured differently.
 */
const APP = 'http://malbild.test';
const CLIENT = { clientId: 'malbild', clientSecret: 'en-hemlighet-for-testerna', appUrl: APP };
let idp: TestIdp;
let db: Database;
let unitKey: string;
let unitId: string;

beforeAll(async () => {
  idp = await startTestIdp({
    clients: [CLIENT],
    accounts: {
      anna: { email: 'Anna.Kand@Region.Example', email_verified: true, name: 'Anna Känd', hsa_id: 'SE2321000016-A001' },
      okand: { email: 'olle.okand@region.example', email_verified: true, name: 'Olle Okänd', hsa_id: 'SE2321000016-B002' },
      utan: { name: 'Ulla Utan E-post', hsa_id: 'SE2321000016-E005' },
      inaktiv: { email: 'inaktiv@region.example', name: 'Ingrid Inaktiv' },
      krock: { email: 'anna.kand@region.example', name: 'Anna Känd igen', hsa_id: 'SE2321000016-C003' },
      harald: { email: 'harald.hsa@region.example', name: 'Harald Hsa', hsa_id: 'SE2321000016-H008' },
      nils: { email: 'nils.ny@region.example', name: 'Nils Ny', hsa_id: 'SE2321000016-D004' },
      nora: { email: 'nora.ny@region.example', name: 'Nora Ny' },
    },
  });
  db = await openTestDatabase();
  const plan = await importTestPlan(db);
  unitKey = plan.doc.units[1]!.key;
  [{ id: unitId }] = (await db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = $1`, [unitKey])) as [{ id: string }];
  const anna = await insertUser(db, { name: 'Anna Känd', email: 'anna.kand@region.example', passwordHash: 'x' });
  await insertGrant(db, anna, { unitId, role: 'rapportör', includeSubunits: true });
  const inactive = await insertUser(db, { name: 'Ingrid Inaktiv', email: 'inaktiv@region.example', passwordHash: 'x' });
  await db.query('UPDATE users SET active = false WHERE id = $1', [inactive]);
}, 60_000);
afterAll(async () => {
  await idp?.stop();
  await db?.close();
});

const oidc = (overrides: Partial<OidcSettings> = {}): OidcSettings => oidcSettings(idp, CLIENT, { displayName: 'Testregionens inloggning', ...overrides });

// Each app on the one database; the limiter is generous because every test here begins sign-ins.
const appWith = (settings: Partial<ServerSettings>) => openTestApp(db, { settings, loginAttemptsPerMinute: 10_000 });

const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);

/** Begins a sign-in as a browser would, and signs in at the provider as `login`; answers the way back. */
async function throughProvider(t: TestApp, login: string, till?: string) {
  const start = await t.anonymous.request(`/api/auth/oidc/start${till ? `?till=${encodeURIComponent(till)}` : ''}`);
  expect(start.status).toBe(302);
  const state = cookieOf(start, 'malbild_oidc')!;
  expect(state).toBeTruthy();
  const back = await signInAtIdp(start.headers.get('location')!, login, APP);
  const callback = (query = back.search, cookie = `malbild_oidc=${state}`) => t.anonymous.request(`/api/auth/oidc/callback${query}`, { headers: cookie ? { cookie } : {} });
  return { start, state, back, callback };
}

/** Where a callback sent the browser, and whether it came away with a session. */
function outcome(response: Response) {
  expect(response.status).toBe(302);
  return { location: response.headers.get('location'), session: cookieOf(response, 'malbild_session') ?? null };
}

describe('signing in through the region’s identity provider', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWith({ oidc: oidc() })));

  it('tells the sign-in screen which ways are on, under the provider’s name', async () => {
    expect((await t.anonymous.json('/api/auth/methods')).body).toEqual({ password: true, oidc: { name: 'Testregionens inloggning' } });
  });

  it('sends the browser to the provider with PKCE, a state and a nonce, and keeps the verifier to itself', async () => {
    const start = await t.anonymous.request('/api/auth/oidc/start?till=/planer/x/mal');
    expect(start.status).toBe(302);
    const to = new URL(start.headers.get('location')!);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('client_id')).toBe('malbild');
    expect(to.searchParams.get('redirect_uri')).toBe(`${APP}/api/auth/oidc/callback`);
    expect(to.searchParams.get('response_type')).toBe('code');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    const state = to.searchParams.get('state')!;
    const cookie = start.headers.getSetCookie().find((line) => line.startsWith('malbild_oidc='))!;
    expect(cookie).toContain(`malbild_oidc=${state}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    const [row] = await db.query<{ code_verifier: string; state_hash: string; return_path: string }>('SELECT * FROM oidc_sign_ins ORDER BY created_at DESC LIMIT 1');
    expect(row!.return_path).toBe('/planer/x/mal');
    expect(row!.state_hash).not.toBe(state);
    expect(start.headers.get('location')).not.toContain(row!.code_verifier);
  });

  it('lets a known person in by e-mail whatever its case, to where they were going, and audits it', async () => {
    const { callback } = await throughProvider(t, 'anna', '/planer/x/mal?period=2025-T1');
    const { location, session } = outcome(await callback());
    expect(location).toBe('/planer/x/mal?period=2025-T1');
    expect(session).toBeTruthy();
    const me = await t.withCookie(`malbild_session=${session}`).json('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'anna.kand@region.example', name: 'Anna Känd' });
    expect(me.body.user.grants).toEqual([expect.objectContaining({ role: 'rapportör', unitId })]);
    const [line] = await db.query<{ detail: unknown; user_name: string }>(`SELECT detail, user_name FROM audit_log WHERE action = 'login' ORDER BY id DESC LIMIT 1`);
    expect(line).toEqual({ detail: { method: 'oidc' }, user_name: 'Anna Känd' });
  });

  it('refuses the same answer a second time: the state is used up', async () => {
    const { callback } = await throughProvider(t, 'anna');
    expect(outcome(await callback()).session).toBeTruthy();
    expect(outcome(await callback())).toEqual({ location: '/logga-in?fel=state', session: null });
  });

  it('refuses a state that is not the one this browser set out with, or a browser that set out with none', async () => {
    const { callback, back, state } = await throughProvider(t, 'anna');
    const forged = new URLSearchParams(back.search);
    forged.set('state', 'en-annan-webblasares-state');
    expect(outcome(await callback(`?${forged}`, `malbild_oidc=en-annan-webblasares-state`))).toEqual({ location: '/logga-in?fel=state', session: null });
    expect(outcome(await callback(back.search, ''))).toEqual({ location: '/logga-in?fel=state', session: null });
    expect(outcome(await callback(back.search, `malbild_oidc=${state}x`))).toEqual({ location: '/logga-in?fel=state', session: null });
    // None of these used up the real one.
    expect(outcome(await callback()).session).toBeTruthy();
  });

  it('refuses a sign-in that took longer than ten minutes at the provider', async () => {
    const { callback } = await throughProvider(t, 'anna');
    await db.query(`UPDATE oidc_sign_ins SET expires_at = now() - interval '1 second'`);
    expect(outcome(await callback())).toEqual({ location: '/logga-in?fel=state', session: null });
  });

  it('refuses a code that has run out at the provider', async () => {
    idp.setCodeSeconds(1);
    try {
      const { callback } = await throughProvider(t, 'anna');
      await new Promise((resolve) => setTimeout(resolve, 2_200));
      expect(outcome(await callback())).toEqual({ location: '/logga-in?fel=code', session: null });
    } finally {
      idp.setCodeSeconds(60);
    }
  });

  it('refuses a code the provider never gave', async () => {
    const { callback, back } = await throughProvider(t, 'anna');
    const garbage = new URLSearchParams(back.search);
    garbage.set('code', 'inte-en-kod');
    expect(outcome(await callback(`?${garbage}`))).toEqual({ location: '/logga-in?fel=code', session: null });
  });

  it('refuses someone nobody in Målbild is, creates nobody, and audits who it was', async () => {
    const { callback } = await throughProvider(t, 'okand');
    expect(outcome(await callback())).toEqual({ location: '/logga-in?fel=refused', session: null });
    expect(await db.query(`SELECT 1 FROM users WHERE email = 'olle.okand@region.example'`)).toEqual([]);
    const [line] = await db.query<{ user_name: string; detail: unknown }>(`SELECT user_name, detail FROM audit_log WHERE action = 'login.refused' ORDER BY id DESC LIMIT 1`);
    expect(line).toEqual({ user_name: 'olle.okand@region.example', detail: { method: 'oidc', reason: 'refused', claim: 'email' } });
  });

  it('keeps a deactivated user out', async () => {
    const { callback } = await throughProvider(t, 'inaktiv');
    expect(outcome(await callback())).toEqual({ location: '/logga-in?fel=inactive', session: null });
  });

  it('says the person cancelled when the provider answers access_denied', async () => {
    const start = await t.anonymous.request('/api/auth/oidc/start');
    const state = cookieOf(start, 'malbild_oidc')!;
    const response = await t.anonymous.request(`/api/auth/oidc/callback?error=access_denied&state=${state}`, { headers: { cookie: `malbild_oidc=${state}` } });
    expect(outcome(response)).toEqual({ location: '/logga-in?fel=cancelled', session: null });
  });

  it('answers with where to end the provider’s session too at sign-out, and only the app’s after a password sign-in', async () => {
    const { callback } = await throughProvider(t, 'anna');
    const { session } = outcome(await callback());
    const signedIn = t.withCookie(`malbild_session=${session}`);
    const logout = await signedIn.json('/api/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(200);
    const end = new URL(logout.body.endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${APP}/logga-in`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect((await signedIn.json('/api/auth/me')).body).toEqual({ user: null });
    // The test app's administrator has a session of the ordinary kind.
    const other = await t.userWith('läsare', unitId);
    expect((await other.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
  });
});

describe('matching on an identity other than the e-mail address (HSA-id)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await appWith({ oidc: oidc({ claim: 'hsa_id', scopes: 'openid email profile hsa' }) })));

  it('lets in the user an administrator gave the HSA-id, compared without regard to case', async () => {
    const user = await t.userWith('läsare', unitId, { name: 'Harald Hsa' });
    expect((await t.json(`/api/admin/users/${user.userId}`, { method: 'PATCH', body: JSON.stringify({ externalId: ' se2321000016-h008 ' }) })).body.user.externalId).toBe('se2321000016-h008');
    const { callback } = await throughProvider(t, 'harald');
    const { session } = outcome(await callback());
    expect((await t.withCookie(`malbild_session=${session}`).json('/api/auth/me')).body.user.id).toBe(user.userId);
  });

  it('refuses an HSA-id another user already has', async () => {
    const [first, second] = [await t.userWith('läsare', unitId), await t.userWith('läsare', unitId)];
    const give = (userId: string, externalId: string | null) => t.json(`/api/admin/users/${userId}`, { method: 'PATCH', body: JSON.stringify({ externalId }) });
    expect((await give(first.userId, 'SE2321000016-T009')).status).toBe(200);
    const taken = await give(second.userId, 'se2321000016-t009');
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('external_id_taken');
    // Taken away from the first, it is free for the second.
    expect((await give(first.userId, null)).body.user.externalId).toBeNull();
    expect((await give(second.userId, 'se2321000016-t009')).status).toBe(200);
    expect((await give(second.userId, 'två ord')).status).toBe(400);
  });

  it('does not let an e-mail address stand in for the HSA-id', async () => {
    // Anna's address is a user's, but nobody has her HSA-id.
    const { callback } = await throughProvider(t, 'anna');
    expect(outcome(await callback())).toEqual({ location: '/logga-in?fel=refused', session: null });
  });

  it('says so when the provider’s answer lacks the claim', async () => {
    const without = await appWith({ oidc: oidc({ claim: 'hsa_id', scopes: 'openid email profile' }) });
    const { callback } = await throughProvider(without, 'anna');
    expect(outcome(await callback())).toEqual({ location: '/logga-in?fel=claim', session: null });
  });
});

describe('unknown people, where the administrator chose to create them', () => {
  it('creates them with the configured role on the configured unit, once', async () => {
    const t = await appWith({ oidc: oidc({ claim: 'hsa_id', scopes: 'openid email profile hsa', unknown: { create: true, role: 'läsare', unit: unitKey } }) });
    const first = await throughProvider(t, 'nils', '/konto');
    const { location, session } = outcome(await first.callback());
    expect(location).toBe('/konto');
    const me = (await t.withCookie(`malbild_session=${session}`).json('/api/auth/me')).body.user;
    expect(me).toMatchObject({ name: 'Nils Ny', email: 'nils.ny@region.example', isAdmin: false, writableUnitIds: [] });
    expect(me.grants).toEqual([expect.objectContaining({ role: 'läsare', unitId, includeSubunits: true })]);
    const [stored] = await db.query<{ external_id: string; password_hash: string | null }>('SELECT external_id, password_hash FROM users WHERE id = $1', [me.id]);
    expect(stored).toEqual({ external_id: 'SE2321000016-D004', password_hash: null });
    const audited = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE record_id = $1 ORDER BY id`, [me.id]);
    expect(audited.map((line) => line.action)).toEqual(['user.create', 'grant.add', 'login']);

    const again = await throughProvider(t, 'nils');
    const second = outcome(await again.callback());
    expect((await t.withCookie(`malbild_session=${second.session}`).json('/api/auth/me')).body.user.id).toBe(me.id);
    expect(await db.query(`SELECT 1 FROM users WHERE email = 'nils.ny@region.example'`)).toHaveLength(1);
  });

  it('refuses to create someone whose e-mail address another account has, or who has none', async () => {
    const t = await appWith({ oidc: oidc({ claim: 'hsa_id', scopes: 'openid email profile hsa', unknown: { create: true, role: 'läsare', unit: unitKey } }) });
    expect(outcome(await (await throughProvider(t, 'krock')).callback())).toEqual({ location: '/logga-in?fel=taken', session: null });
    expect(outcome(await (await throughProvider(t, 'utan')).callback())).toEqual({ location: '/logga-in?fel=no_email', session: null });
  });

  it('says the settings are wrong when the unit for new people does not exist', async () => {
    const t = await appWith({ oidc: oidc({ unknown: { create: true, role: 'läsare', unit: 'finns-inte' } }) });
    const { callback } = await throughProvider(t, 'nora');
    expect(outcome(await callback())).toEqual({ location: '/logga-in?fel=config', session: null });
    expect(await db.query(`SELECT 1 FROM users WHERE email = 'nora.ny@region.example'`)).toEqual([]);
  });
});

describe('when sign-in through the provider is off, unreachable, or the only way', () => {
  it('sends the browser back with a reason when OIDC is off', async () => {
    const t = await appWith({});
    expect((await t.anonymous.json('/api/auth/methods')).body).toEqual({ password: true, oidc: null });
    expect(outcome(await t.anonymous.request('/api/auth/oidc/start'))).toEqual({ location: '/logga-in?fel=off', session: null });
    expect(outcome(await t.anonymous.request('/api/auth/oidc/callback?code=x&state=y'))).toEqual({ location: '/logga-in?fel=off', session: null });
  });

  it('says the provider cannot be reached, rather than failing', async () => {
    const t = await appWith({ oidc: oidc({ issuer: 'http://127.0.0.1:9' }) });
    expect(outcome(await t.anonymous.request('/api/auth/oidc/start'))).toEqual({ location: '/logga-in?fel=unreachable', session: null });
  });

  it('refuses passwords when password sign-in is off', async () => {
    const t = await appWith({ oidc: oidc(), passwordLogin: false });
    expect((await t.anonymous.json('/api/auth/methods')).body).toEqual({ password: false, oidc: { name: 'Testregionens inloggning' } });
    const login = await t.anonymous.json('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'anna.kand@region.example', password: 'vad-som-helst' }) });
    expect(login.status).toBe(403);
    expect(login.body.error).toEqual({ code: 'password_off', message: 'Inloggning med lösenord är avstängd. Logga in med Testregionens inloggning.' });
    const change = await t.json('/api/auth/password', { method: 'PUT', body: JSON.stringify({ currentPassword: 'x', newPassword: 'ett-nytt-långt-lösenord' }) });
    expect(change.status).toBe(403);
  });
});
