import type { InterimReport } from '@shared/logic/interimReport.ts';
import type { Queryable } from './database.ts';

export interface ReportVersion {
  version: number;
  frozenAt: string;
  frozenBy: string;
  unitIds: string[];
  report: InterimReport;
}

type Row = { version: number; frozen_at: Date | string; frozen_by: string; unit_ids: string[]; report: InterimReport };
// Versions frozen before reports had tables of figures have none.
const toVersion = (row: Row): ReportVersion => ({ version: row.version, frozenAt: new Date(row.frozen_at).toISOString(), frozenBy: row.frozen_by, unitIds: row.unit_ids, report: { ...row.report, tables: row.report.tables ?? [] } });

/** Freezes the report as it stands, as the next version for its plan and period. */
export async function insertReportVersion(tx: Queryable, planId: string, period: string, frozenBy: string, unitIds: string[], report: InterimReport): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO report_versions (plan_id, period, version, frozen_by, unit_ids, report)
       SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4::uuid[], $5::jsonb FROM report_versions WHERE plan_id = $1 AND period = $2
     RETURNING version`,
    [planId, period, frozenBy, unitIds, JSON.stringify(report)],
  );
  return row!.version;
}

/** Every frozen version of a report, the newest first, without their content. */
export async function listReportVersions(db: Queryable, planId: string, period: string): Promise<Omit<ReportVersion, 'report'>[]> {
  const rows = await db.query<Omit<Row, 'report'>>(
    'SELECT version, frozen_at, frozen_by, unit_ids::text[] AS unit_ids FROM report_versions WHERE plan_id = $1 AND period = $2 ORDER BY version DESC',
    [planId, period],
  );
  return rows.map((row) => ({ version: row.version, frozenAt: new Date(row.frozen_at).toISOString(), frozenBy: row.frozen_by, unitIds: row.unit_ids }));
}

/** One frozen version, or the latest where none is named. */
export async function getReportVersion(db: Queryable, planId: string, period: string, version: number | null): Promise<ReportVersion | null> {
  const [row] = await db.query<Row>(
    `SELECT version, frozen_at, frozen_by, unit_ids::text[] AS unit_ids, report FROM report_versions
      WHERE plan_id = $1 AND period = $2 AND ($3::int IS NULL OR version = $3) ORDER BY version DESC LIMIT 1`,
    [planId, period, version],
  );
  return row ? toVersion(row) : null;
}
