import { existsSync } from 'node:fs';
import * as v from 'valibot';
import { LOG_LEVELS, type LogOptions } from './lib/log.ts';

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
}

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
  };
}
