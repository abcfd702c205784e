import { randomUUID } from 'node:crypto';
import type { IndicatorRun, KoladaRun } from '@shared/schemas/koladaRun.ts';
import type { Queryable } from './database.ts';

type Row = { id: string; started_at: Date | string; finished_at: Date | string | null; running: boolean; started_by: string; report: { indicators: IndicatorRun[] } };
const toRun = (row: Row): KoladaRun => ({
  id: row.id,
  startedAt: new Date(row.started_at).toISOString(),
  finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  running: row.running,
  startedBy: row.started_by,
  indicators: row.report.indicators,
});

/** A run left running whose process has not been heard from for this long is taken over and resumed. */
const STALE_SECONDS = 120;

/**
 * Starts a run, or takes over one whose process went quiet (to resume it); null while another process's
 * run is alive. Only one run is ever open (a unique index), whichever process asks.
 */
export async function claimKoladaRun(db: Queryable, startedBy: string): Promise<KoladaRun | null> {
  const [stale] = await db.query<Row>(
    `UPDATE kolada_runs SET heartbeat_at = now() WHERE running AND heartbeat_at < now() - make_interval(secs => $1) RETURNING *`,
    [STALE_SECONDS],
  );
  if (stale) return toRun(stale);
  const [started] = await db.query<Row>(
    `INSERT INTO kolada_runs (id, started_by) VALUES ($1, $2) ON CONFLICT (running) WHERE running DO NOTHING RETURNING *`,
    [randomUUID(), startedBy],
  );
  return started ? toRun(started) : null;
}

/** Records one indicator's result in the run (and that the run is alive). */
export async function recordIndicatorRun(db: Queryable, runId: string, result: IndicatorRun): Promise<void> {
  await db.query(
    `UPDATE kolada_runs SET heartbeat_at = now(), report = jsonb_set(report, '{indicators}', (report->'indicators') || $2::jsonb) WHERE id = $1`,
    [runId, JSON.stringify([result])],
  );
}

export async function finishKoladaRun(db: Queryable, runId: string): Promise<void> {
  await db.query('UPDATE kolada_runs SET running = false, finished_at = now() WHERE id = $1', [runId]);
}

/** The latest run, for the controller's view and for "Kolada nåddes senast …". */
export async function latestKoladaRun(db: Queryable): Promise<KoladaRun | null> {
  const [row] = await db.query<Row>('SELECT * FROM kolada_runs ORDER BY started_at DESC LIMIT 1');
  return row ? toRun(row) : null;
}
