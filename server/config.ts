import { existsSync } from 'node:fs';
import * as v from 'valibot';
import type { AccessibilityContact, AccessibilitySettings } from '@shared/schemas/accessibility.ts';
import type { OidcSettings } from './lib/identity/oidc.ts';
import { LOG_LEVELS, type LogOptions } from './lib/log.ts';

/** https, or plain http only to this machine (a provider the tests start, or one in development). */
const ISSUER = /^(https:\/\/[^/\s]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?)(\/\S*)?$/;
const CONTACT_RULE = 'ACCESSIBILITY_CONTACT måste vara en e-postadress (till exempel tillganglighet@region.se) eller adressen till ett formulär med https://.';
/** What the demo's statement names, so `npm start` shows a whole one; never a real organisation's address. */
const DEMO_ACCESSIBILITY = { organisation: 'Region Västmanland (demo)', contact: 'tillganglighet@malbild.example' };
const NEW_ROLES = ['controller', 'rapportör', 'läsare'] as const;
const OIDC_VARIABLES = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_CLAIM', 'OIDC_SCOPES', 'OIDC_NAME', 'OIDC_UNKNOWN', 'OIDC_NEW_ROLE', 'OIDC_NEW_UNIT'] as const;

const EnvSchema = v.object({
  PORT: v.optional(v.pipe(v.string(), v.regex(/^\d{1,5}$/, 'PORT måste vara ett portnummer.'), v.transform(Number)), '8080'),
  HOST: v.optional(v.string(), '0.0.0.0'),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
  DATABASE_URL: v.optional(v.pipe(v.string(), v.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL måste börja med postgres:// eller postgresql://.'))),
  DEMO_DATA: v.optional(v.picklist(['0', '1'], 'DEMO_DATA måste vara 0 eller 1.'), '0'),
  CLIENT_DIR: v.optional(v.string(), './dist'),
  TRUST_PROXY: v.optional(v.picklist(['0', '1'], 'TRUST_PROXY måste vara 0 eller 1.'), '0'),
  SMTP_URL: v.optional(v.pipe(v.string(), v.regex(/^smtps?:\/\/[^/]/, 'SMTP_URL måste börja med smtp:// eller smtps://, till exempel smtp://användare:lösenord@smtp.region.se:587.'))),
  MAIL_FROM: v.optional(v.pipe(v.string(), v.minLength(3), v.maxLength(300))),
  PUBLIC_URL: v.optional(v.pipe(v.string(), v.regex(/^https?:\/\/[^/]+(\/.*)?$/, 'PUBLIC_URL måste vara appens adress, till exempel https://malbild.region.se.'))),
  REMINDER_DAYS: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'REMINDER_DAYS måste vara ett antal dagar (0–365).'), v.transform(Number), v.maxValue(365, 'REMINDER_DAYS måste vara ett antal dagar (0–365).')), '28'),
  CHROMIUM_PATH: v.optional(v.pipe(v.string(), v.minLength(1)), '/usr/bin/chromium'),
  KOLADA_URL: v.optional(v.pipe(v.string(), v.regex(/^https?:\/\/[^/]+/, 'KOLADA_URL måste vara en adress, till exempel https://api.kolada.se/v3.')), 'https://api.kolada.se/v3'),
  KOLADA_HOUR: v.optional(v.pipe(v.string(), v.regex(/^(off|\d|1\d|2[0-3])$/, 'KOLADA_HOUR måste vara en timme 0–23 eller off.')), '2'),
  LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `LOG_LEVEL måste vara en av ${LOG_LEVELS.join(', ')}.`), 'info'),
  LOG_FORMAT: v.optional(v.picklist(['json', 'pretty'], 'LOG_FORMAT måste vara json eller pretty.'), 'json'),
  OIDC_ISSUER: v.optional(v.pipe(v.string(), v.regex(ISSUER, 'OIDC_ISSUER måste vara identitetsleverantörens adress med https://, till exempel https://login.microsoftonline.com/<tenant-id>/v2.0 (http:// bara till localhost).'))),
  OIDC_CLIENT_ID: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'OIDC_CLIENT_ID får inte vara tomt.'), v.maxLength(500, 'OIDC_CLIENT_ID är för långt.'))),
  OIDC_CLIENT_SECRET: v.optional(v.pipe(v.string(), v.minLength(1, 'OIDC_CLIENT_SECRET får inte vara tomt.'), v.maxLength(2000, 'OIDC_CLIENT_SECRET är för långt.'))),
  OIDC_CLAIM: v.optional(v.pipe(v.string(), v.regex(/^[\w:./-]{1,200}$/, 'OIDC_CLAIM måste vara namnet på ett claim, till exempel email, hsa_id, oid eller upn.')), 'email'),
  OIDC_SCOPES: v.optional(v.pipe(v.string(), v.regex(/^([\x21\x23-\x5b\x5d-\x7e]+ )*[\x21\x23-\x5b\x5d-\x7e]+$/, 'OIDC_SCOPES måste vara scopes åtskilda med mellanslag, till exempel openid email profile.'), v.check((scopes) => scopes.split(' ').includes('openid'), 'OIDC_SCOPES måste innehålla openid.')), 'openid email profile'),
  OIDC_NAME: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'OIDC_NAME får inte vara tomt.'), v.maxLength(60, 'OIDC_NAME får ha högst 60 tecken.')), 'regionens inloggning'),
  OIDC_UNKNOWN: v.optional(v.picklist(['refuse', 'create'], 'OIDC_UNKNOWN måste vara refuse (okända personer nekas) eller create (de skapas med OIDC_NEW_ROLE på OIDC_NEW_UNIT).'), 'refuse'),
  OIDC_NEW_ROLE: v.optional(v.picklist(NEW_ROLES, 'OIDC_NEW_ROLE måste vara läsare, rapportör eller controller (administratör ges bara av en administratör).')),
  OIDC_NEW_UNIT: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'OIDC_NEW_UNIT får inte vara tomt.'), v.maxLength(200, 'OIDC_NEW_UNIT är för långt.'))),
  PASSWORD_LOGIN: v.optional(v.picklist(['0', '1'], 'PASSWORD_LOGIN måste vara 0 eller 1.'), '1'),
  ACCESSIBILITY_ORGANISATION: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'ACCESSIBILITY_ORGANISATION får inte vara tomt.'), v.maxLength(200, 'ACCESSIBILITY_ORGANISATION får ha högst 200 tecken.'))),
  ACCESSIBILITY_CONTACT: v.optional(
    v.pipe(v.string(), v.trim(), v.union([v.pipe(v.string(), v.email(), v.maxLength(254)), v.pipe(v.string(), v.url(), v.startsWith('https://'), v.maxLength(2000))], CONTACT_RULE)),
  ),
  SHUTDOWN_SECONDS: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'SHUTDOWN_SECONDS måste vara ett antal sekunder (1–600).'), v.transform(Number), v.minValue(1, 'SHUTDOWN_SECONDS måste vara ett antal sekunder (1–600).'), v.maxValue(600, 'SHUTDOWN_SECONDS måste vara ett antal sekunder (1–600).')), '10'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoData: boolean;
  clientDir: string;
  /** Whether a proxy in front of the app says who the client is (X-Forwarded-*, Forwarded). */
  trustProxy: boolean;
  /** Where reminders are sent from; null without SMTP_URL, when reminders are in the app only. */
  mail: { smtpUrl: string; from: string } | null;
  reminders: { firstDays: number; publicUrl: string };
  chromiumPath: string;
  kolada: { url: string; nightlyHour: number | null };
  log: LogOptions;
  /** How long a stop (SIGTERM) waits for requests in flight before it closes them. */
  shutdownMs: number;
  /** Sign-in through the region's identity provider; null without OIDC_ISSUER. */
  oidc: OidcSettings | null;
  /** Whether e-mail and password sign in (PASSWORD_LOGIN); off only with OIDC on. */
  passwordLogin: boolean;
  /** What the accessibility statement says about the installation (ACCESSIBILITY_*). */
  accessibility: AccessibilitySettings;
}

const wrong = (variable: string, message: string) => new Error(`Felaktig miljö:\n  ${variable}: ${message}`);

/** The OIDC settings, or null when OIDC_ISSUER is unset; every variable that needs another says which. */
function oidcOf(e: v.InferOutput<typeof EnvSchema>, env: NodeJS.ProcessEnv, publicUrl: string): OidcSettings | null {
  if (!e.OIDC_ISSUER) {
    const stray = OIDC_VARIABLES.find((name) => env[name] !== undefined);
    if (stray) throw wrong('OIDC_ISSUER', `Ange identitetsleverantörens adress – ${stray} är satt, men utan OIDC_ISSUER är inloggning via OIDC avstängd.`);
    return null;
  }
  if (!env.PUBLIC_URL) throw wrong('PUBLIC_URL', 'Ange appens adress (till exempel https://malbild.region.se) – inloggning via OIDC behöver den för adressen leverantören skickar tillbaka till.');
  if (!e.OIDC_CLIENT_ID) throw wrong('OIDC_CLIENT_ID', 'Ange appens klient-id hos identitetsleverantören.');
  if (!e.OIDC_CLIENT_SECRET) throw wrong('OIDC_CLIENT_SECRET', 'Ange appens klienthemlighet hos identitetsleverantören.');
  let unknown: OidcSettings['unknown'] = { create: false };
  if (e.OIDC_UNKNOWN === 'create') {
    if (!e.OIDC_NEW_ROLE) throw wrong('OIDC_NEW_ROLE', 'Ange rollen nya personer får (läsare, rapportör eller controller) när OIDC_UNKNOWN=create.');
    if (!e.OIDC_NEW_UNIT) throw wrong('OIDC_NEW_UNIT', 'Ange enheten nya personer får sin roll på (enhetens id eller nyckel, till exempel bup) när OIDC_UNKNOWN=create.');
    unknown = { create: true, role: e.OIDC_NEW_ROLE, unit: e.OIDC_NEW_UNIT };
  } else if (e.OIDC_NEW_ROLE || e.OIDC_NEW_UNIT) {
    throw wrong('OIDC_UNKNOWN', 'OIDC_NEW_ROLE och OIDC_NEW_UNIT gäller bara med OIDC_UNKNOWN=create; utan den nekas okända personer.');
  }
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    claim: e.OIDC_CLAIM,
    scopes: e.OIDC_SCOPES,
    redirectUri: `${publicUrl}/api/auth/oidc/callback`,
    postLogoutRedirectUri: `${publicUrl}/logga-in`,
    displayName: e.OIDC_NAME,
    unknown,
  };
}

function accessibilityOf(e: v.InferOutput<typeof EnvSchema>): AccessibilitySettings {
  const demo = e.DEMO_DATA === '1';
  const organisation = e.ACCESSIBILITY_ORGANISATION ?? (demo ? DEMO_ACCESSIBILITY.organisation : null);
  const contact = e.ACCESSIBILITY_CONTACT ?? (demo ? DEMO_ACCESSIBILITY.contact : null);
  return { organisation, contact: contact ? contactOf(contact) : null };
}

const contactOf = (text: string): AccessibilityContact => (text.startsWith('https://') ? { kind: 'url', url: text } : { kind: 'email', address: text });

/** Reads the environment once, at start; a wrong value stops the server with a message saying which. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const result = v.safeParse(EnvSchema, env);
  if (!result.success) {
    const lines = result.issues.map((issue) => `  ${issue.path?.map((p) => String(p.key)).join('.') ?? ''}: ${issue.message}`);
    throw new Error(`Felaktig miljö:\n${lines.join('\n')}`);
  }
  const e = result.output;
  if (e.SMTP_URL && !e.PUBLIC_URL) throw new Error('Felaktig miljö:\n  PUBLIC_URL: Ange appens adress (till exempel https://malbild.region.se) – länkarna i påminnelserna behöver den när SMTP_URL är satt.');
  if (env.CHROMIUM_PATH && !existsSync(e.CHROMIUM_PATH)) throw new Error(`Felaktig miljö:\n  CHROMIUM_PATH: Det finns ingen fil ${e.CHROMIUM_PATH}. Ange var Chromium finns (för PDF-rapporterna).`);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const oidc = oidcOf(e, env, publicUrl);
  if (e.PASSWORD_LOGIN === '0' && !oidc) throw wrong('PASSWORD_LOGIN', 'Inloggning med lösenord kan bara stängas av när inloggning via OIDC är på (OIDC_ISSUER); annars kan ingen logga in.');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    demoData: e.DEMO_DATA === '1',
    clientDir: e.CLIENT_DIR,
    trustProxy: e.TRUST_PROXY === '1',
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? `Målbild <noreply@${new URL(publicUrl).hostname}>` } : null,
    reminders: { firstDays: e.REMINDER_DAYS, publicUrl },
    chromiumPath: e.CHROMIUM_PATH,
    kolada: { url: e.KOLADA_URL, nightlyHour: e.KOLADA_HOUR === 'off' ? null : Number(e.KOLADA_HOUR) },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_FORMAT === 'pretty' },
    shutdownMs: e.SHUTDOWN_SECONDS * 1000,
    oidc,
    passwordLogin: e.PASSWORD_LOGIN === '1',
    accessibility: accessibilityOf(e),
  };
}
