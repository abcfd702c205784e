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
