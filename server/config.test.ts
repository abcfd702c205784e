import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('the server’s environment', () => {
  it('leaves e-mail off without SMTP_URL, and links to the local address', () => {
    const config = readConfig({ PORT: '9000' });
    expect(config.mail).toBeNull();
    expect(config.reminders).toEqual({ firstDays: 28, publicUrl: 'http://localhost:9000' });
  });

  it('sends from the public address’s domain by default once SMTP_URL and PUBLIC_URL are set', () => {
    const config = readConfig({ SMTP_URL: 'smtp://smtp.region.se:587', PUBLIC_URL: 'https://malbild.region.se/', REMINDER_DAYS: '14' });
    expect(config.mail).toEqual({ smtpUrl: 'smtp://smtp.region.se:587', from: 'Målbild <noreply@malbild.region.se>' });
    expect(config.reminders).toEqual({ firstDays: 14, publicUrl: 'https://malbild.region.se' });
  });

  it('says which setting is wrong, and how to write it', () => {
    expect(() => readConfig({ SMTP_URL: 'smtp://smtp.region.se' })).toThrow(/PUBLIC_URL: Ange appens adress/);
    expect(() => readConfig({ SMTP_URL: 'mail.region.se' })).toThrow(/SMTP_URL måste börja med smtp:\/\//);
    expect(() => readConfig({ REMINDER_DAYS: 'fyra veckor' })).toThrow(/REMINDER_DAYS/);
    expect(() => readConfig({ CHROMIUM_PATH: '/finns/inte/chromium' })).toThrow(/CHROMIUM_PATH: Det finns ingen fil \/finns\/inte\/chromium/);
    expect(() => readConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL måste vara en av fatal, error, warn, info, debug, trace, silent/);
    expect(() => readConfig({ LOG_FORMAT: 'text' })).toThrow(/LOG_FORMAT måste vara json eller pretty/);
    expect(() => readConfig({ SHUTDOWN_SECONDS: '0' })).toThrow(/SHUTDOWN_SECONDS/);
  });

  it('logs JSON at info and waits ten seconds for requests at a stop, unless told otherwise', () => {
    expect(readConfig({})).toMatchObject({ log: { level: 'info', pretty: false }, shutdownMs: 10_000 });
    expect(readConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty', SHUTDOWN_SECONDS: '30' })).toMatchObject({ log: { level: 'debug', pretty: true }, shutdownMs: 30_000 });
  });
});

describe('sign-in through the region’s identity provider', () => {
  const OIDC = { OIDC_ISSUER: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0', OIDC_CLIENT_ID: 'malbild', OIDC_CLIENT_SECRET: 'hemligt', PUBLIC_URL: 'https://malbild.region.se/' };

  it('is off, and passwords on, unless OIDC_ISSUER is set', () => {
    expect(readConfig({})).toMatchObject({ oidc: null, passwordLogin: true });
  });

  it('refuses people it does not know by e-mail, and sends them back to PUBLIC_URL, unless told otherwise', () => {
    expect(readConfig(OIDC).oidc).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      clientId: 'malbild',
      clientSecret: 'hemligt',
      claim: 'email',
      scopes: 'openid email profile',
      redirectUri: 'https://malbild.region.se/api/auth/oidc/callback',
      postLogoutRedirectUri: 'https://malbild.region.se/logga-in',
      displayName: 'regionens inloggning',
      unknown: { create: false },
    });
  });

  it('creates unknown people with a role on a unit, matches on HSA-id, and turns passwords off, when told', () => {
    const config = readConfig({ ...OIDC, OIDC_CLAIM: 'hsa_id', OIDC_SCOPES: 'openid profile email hsa', OIDC_NAME: 'SITHS eID', OIDC_UNKNOWN: 'create', OIDC_NEW_ROLE: 'läsare', OIDC_NEW_UNIT: 'bup', PASSWORD_LOGIN: '0' });
    expect(config.oidc).toMatchObject({ claim: 'hsa_id', scopes: 'openid profile email hsa', displayName: 'SITHS eID', unknown: { create: true, role: 'läsare', unit: 'bup' } });
    expect(config.passwordLogin).toBe(false);
  });

  it('allows a plain-http provider only on this machine', () => {
    expect(readConfig({ ...OIDC, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer).toBe('http://127.0.0.1:4000');
    expect(readConfig({ ...OIDC, OIDC_ISSUER: 'http://localhost:4000/realms/region' }).oidc?.issuer).toBe('http://localhost:4000/realms/region');
    for (const issuer of ['http://idp.region.se', 'http://localhost.evil.example', 'idp.region.se', 'https://']) {
      expect(() => readConfig({ ...OIDC, OIDC_ISSUER: issuer }), issuer).toThrow(/OIDC_ISSUER måste vara identitetsleverantörens adress med https:\/\//);
    }
  });

  it('says which setting is missing or wrong, and how to write it', () => {
    const { PUBLIC_URL: _url, ...withoutUrl } = OIDC;
    expect(() => readConfig(withoutUrl)).toThrow(/PUBLIC_URL: Ange appens adress .* inloggning via OIDC/);
    expect(() => readConfig({ ...OIDC, OIDC_CLIENT_ID: undefined })).toThrow(/OIDC_CLIENT_ID: Ange appens klient-id/);
    expect(() => readConfig({ ...OIDC, OIDC_CLIENT_SECRET: undefined })).toThrow(/OIDC_CLIENT_SECRET: Ange appens klienthemlighet/);
    expect(() => readConfig({ ...OIDC, OIDC_UNKNOWN: 'create' })).toThrow(/OIDC_NEW_ROLE: Ange rollen nya personer får/);
    expect(() => readConfig({ ...OIDC, OIDC_UNKNOWN: 'create', OIDC_NEW_ROLE: 'läsare' })).toThrow(/OIDC_NEW_UNIT: Ange enheten/);
    expect(() => readConfig({ ...OIDC, OIDC_UNKNOWN: 'create', OIDC_NEW_ROLE: 'administratör', OIDC_NEW_UNIT: 'bup' })).toThrow(/OIDC_NEW_ROLE måste vara läsare, rapportör eller controller/);
    expect(() => readConfig({ ...OIDC, OIDC_NEW_ROLE: 'läsare' })).toThrow(/OIDC_UNKNOWN: OIDC_NEW_ROLE och OIDC_NEW_UNIT gäller bara med OIDC_UNKNOWN=create/);
    expect(() => readConfig({ ...OIDC, OIDC_UNKNOWN: 'allow' })).toThrow(/OIDC_UNKNOWN måste vara refuse .* eller create/);
    expect(() => readConfig({ ...OIDC, OIDC_CLAIM: 'hsa id' })).toThrow(/OIDC_CLAIM måste vara namnet på ett claim/);
    expect(() => readConfig({ ...OIDC, OIDC_SCOPES: 'email profile' })).toThrow(/OIDC_SCOPES måste innehålla openid/);
    expect(() => readConfig({ OIDC_CLIENT_ID: 'malbild' })).toThrow(/OIDC_ISSUER: Ange identitetsleverantörens adress – OIDC_CLIENT_ID är satt/);
  });

  it('keeps passwords on without OIDC, or nobody could sign in', () => {
    expect(() => readConfig({ PASSWORD_LOGIN: '0' })).toThrow(/PASSWORD_LOGIN: Inloggning med lösenord kan bara stängas av när inloggning via OIDC är på/);
    expect(() => readConfig({ ...OIDC, PASSWORD_LOGIN: 'nej' })).toThrow(/PASSWORD_LOGIN måste vara 0 eller 1/);
  });
});

describe('the accessibility statement’s facts', () => {
  it('takes an e-mail address or a form’s https address to report problems to', () => {
    expect(readConfig({ ACCESSIBILITY_ORGANISATION: ' Region Exempel ', ACCESSIBILITY_CONTACT: 'tillganglighet@region.example' }).accessibility).toEqual({
      organisation: 'Region Exempel',
      contact: { kind: 'email', address: 'tillganglighet@region.example' },
    });
    expect(readConfig({ ACCESSIBILITY_CONTACT: 'https://region.example/rapportera' }).accessibility.contact).toEqual({ kind: 'url', url: 'https://region.example/rapportera' });
  });

  it('names nothing unless told, but the demo names itself', () => {
    expect(readConfig({}).accessibility).toEqual({ organisation: null, contact: null });
    expect(readConfig({ DEMO_DATA: '1' }).accessibility).toEqual({ organisation: 'Region Västmanland (demo)', contact: { kind: 'email', address: 'tillganglighet@malbild.example' } });
  });

  it('says how to write a contact it cannot use', () => {
    for (const wrong of ['tillganglighet', 'http://region.example/rapportera', 'ftp://region.example', '']) {
      expect(() => readConfig({ ACCESSIBILITY_CONTACT: wrong }), wrong).toThrow(/ACCESSIBILITY_CONTACT måste vara en e-postadress/);
    }
    expect(() => readConfig({ ACCESSIBILITY_ORGANISATION: '  ' })).toThrow(/ACCESSIBILITY_ORGANISATION får inte vara tomt/);
    expect(() => readConfig({ ACCESSIBILITY_ORGANISATION: 'x'.repeat(201) })).toThrow(/högst 200 tecken/);
  });
});
