import { serve } from '@hono/node-server';
import { createApp, KOLADA_USER_AGENT } from './app.ts';
import { KoladaClient } from './lib/kolada/koladaClient.ts';
import { scheduleKolada } from './lib/kolada/koladaSchedule.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { createDemoAccounts } from './demo/demoAccounts.ts';
import { closeReportBrowser } from './lib/report/reportPdf.ts';
import { loadDemoIfEmpty } from './demo/loadDemo.ts';
import { startReminderWorker } from './lib/reminders/reminderWorker.ts';

function configOrExit() {
  try {
    return readConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const config = configOrExit();

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (config.demoData) {
  const loaded = await loadDemoIfEmpty(db);
  console.log(loaded ? `Demodata inläst (${loaded} poster).` : 'Databasen har redan data; demodata lästes inte in igen.');
  const accounts = await createDemoAccounts(db);
  if (accounts) console.log(`${accounts} demokonton skapade (se README.md).`);
}

const settings = { chromiumPath: config.chromiumPath, mailEnabled: config.mail !== null, koladaUrl: config.kolada.url };
const reminders = config.mail ? startReminderWorker(db, { mail: config.mail, reminders: config.reminders }) : null;
if (!config.mail) console.log('E-post är avstängd (SMTP_URL saknas): påminnelser syns bara i appen.');
const kolada = new KoladaClient({ baseUrl: config.kolada.url, userAgent: KOLADA_USER_AGENT });
const stopKolada = config.kolada.nightlyHour === null ? null : scheduleKolada(db, kolada, config.kolada.nightlyHour);
const server = serve({ fetch: createApp({ db, clientDir: config.clientDir, trustProxy: config.trustProxy, settings, kolada }).fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Målbild på http://localhost:${info.port} (databas: ${db.kind === 'pglite' ? `PGlite i ${config.dataDir}` : 'PostgreSQL'})`);
});

async function shutdown() {
  server.close();
  await reminders?.stop();
  stopKolada?.();
  await closeReportBrowser();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
