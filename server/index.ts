import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, KOLADA_USER_AGENT } from './app.ts';
import { KoladaClient } from './lib/kolada/koladaClient.ts';
import { scheduleKolada } from './lib/kolada/koladaSchedule.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { createDemoAccounts } from './demo/demoAccounts.ts';
import { closeReportBrowser } from './lib/report/reportPdf.ts';
import { loadDemoIfEmpty } from './demo/loadDemo.ts';
import { loadDemoMeetingIfNone } from './demo/demoMeeting.ts';
import { startReminderWorker } from './lib/reminders/reminderWorker.ts';
import { startLog } from './lib/log.ts';
import { scheduleCleanup } from './lib/jobs/cleanup.ts';
import { startLeadership } from './lib/jobs/leadership.ts';

function configOrExit() {
  try {
    return readConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

const config = configOrExit();
const log = startLog(config.log);

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (config.demoData) {
  const loaded = await loadDemoIfEmpty(db);
  log.info(loaded ? `Demodata inläst (${loaded} poster).` : 'Databasen har redan data; demodata lästes inte in igen.');
  const accounts = await createDemoAccounts(db);
  if (accounts) log.info(`${accounts} demokonton skapade (se README.md).`);
  const notes = await loadDemoMeetingIfNone(db);
  if (notes) log.info(`Demodata: ett dialogmöte med ${notes} anteckningar.`);
}

const settings = { chromiumPath: config.chromiumPath, mailEnabled: config.mail !== null, koladaUrl: config.kolada.url, oidc: config.oidc, passwordLogin: config.passwordLogin, accessibility: config.accessibility };
// Several processes may share the database; the one holding the lead runs the scheduled jobs.
const leadership = await startLeadership(db);
const reminders = config.mail ? startReminderWorker(db, { mail: config.mail, reminders: config.reminders, leads: leadership.leads }) : null;
if (!config.accessibility.organisation || !config.accessibility.contact) {
  log.warn('Tillgänglighetsredogörelsen saknar organisation eller kontaktväg: sätt ACCESSIBILITY_ORGANISATION och ACCESSIBILITY_CONTACT (se docs/drift.md).');
}
if (!config.mail) log.info('E-post är avstängd (SMTP_URL saknas): påminnelser syns bara i appen.');
const kolada = new KoladaClient({ baseUrl: config.kolada.url, userAgent: KOLADA_USER_AGENT });
const stopKolada = config.kolada.nightlyHour === null ? null : scheduleKolada(db, kolada, config.kolada.nightlyHour, leadership.leads);
const stopCleanup = scheduleCleanup(db, leadership);
// A plain HTTP/1.1 server (no HTTP/2 options given); TLS is the proxy's.
const server = serve({ fetch: createApp({ db, clientDir: config.clientDir, trustProxy: config.trustProxy, settings, kolada }).fetch, port: config.port, hostname: config.host }, (info) => {
  log.info({ port: info.port, database: db.kind }, `Målbild på http://localhost:${info.port} (databas: ${db.kind === 'pglite' ? `PGlite i ${config.dataDir}` : 'PostgreSQL'})`);
});

/**
 * A stop (SIGTERM from systemd, Kubernetes or a container runtime): take no new connections, let the
 * requests in flight finish for at most SHUTDOWN_SECONDS, then close what is left, stop the jobs and close
 * the database, so no write is cut off halfway and the next start finds a clean database.
 */
let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log.info({ signal, boundMs: config.shutdownMs }, 'Stoppar: tar inte emot nya förfrågningar.');
  const bound = setTimeout(() => {
    log.warn('Förfrågningar pågick fortfarande när tiden gick ut; de avbryts.');
    (server as Server).closeAllConnections();
  }, config.shutdownMs);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  clearTimeout(bound);
  await reminders?.stop();
  stopKolada?.();
  stopCleanup();
  await leadership.stop();
  await closeReportBrowser();
  await db.close();
  log.info('Stoppad.');
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
