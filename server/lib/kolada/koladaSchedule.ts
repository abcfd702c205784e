import type { Database } from '../../db/database.ts';
import { latestKoladaRun } from '../../db/koladaRuns.ts';
import { fetchKolada } from './fetchKolada.ts';
import type { KoladaClient } from './koladaClient.ts';
import { log } from '../log.ts';

const hourIn = new Intl.DateTimeFormat('sv-SE', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/Stockholm' });
const CHECK_EVERY_MS = 10 * 60_000;
const DAY_MS = 24 * 3600_000;

/**
 * Whether the nightly fetch is due: in its hour (Swedish time) with no run begun in the last 20 hours,
 * or a run left open by a process that stopped (which the next claim resumes).
 */
export async function koladaDue(db: Database, hour: number, now: Date): Promise<boolean> {
  const latest = await latestKoladaRun(db);
  if (latest?.running) return true;
  const inHour = Number(hourIn.format(now)) === hour;
  return inHour && (!latest || now.getTime() - new Date(latest.startedAt).getTime() > (20 / 24) * DAY_MS);
}

/**
 * The leading process checks now and then (see jobs/leadership.ts); the run's claim would keep a second
 * fetch from starting even without the lead. Answers a function that stops the checking.
 */
export function scheduleKolada(db: Database, client: KoladaClient, hour: number, leads: () => boolean = () => true): () => void {
  const check = async () => {
    if (!leads()) return;
    try {
      if (await koladaDue(db, hour, new Date())) await fetchKolada(db, client, { startedBy: 'Nattlig hämtning' });
    } catch (error) {
      log().error({ err: error }, 'nightly Kolada fetch failed');
    }
  };
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
