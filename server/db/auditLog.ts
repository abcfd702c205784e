import type { AuditEntry, AuditQuery } from '@shared/schemas/audit.ts';
import type { Queryable } from './database.ts';

export interface AuditRow {
  userId: string | null;
  userName: string | null;
  action: string;
  entity?: string | null;
  recordId?: string | null;
  unitId?: string | null;
  client: string;
  detail?: Record<string, unknown> | null;
}

/** Appends one line to the audit trail (append-only: the database itself refuses updates and deletes). */
export async function insertAudit(tx: Queryable, row: AuditRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, user_name, action, entity, record_id, unit_id, client, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.userId, row.userName, row.action, row.entity ?? null, row.recordId ?? null, row.unitId ?? null, row.client, row.detail ? JSON.stringify(row.detail) : null],
  );
}

/** A page of the trail, newest first; `before` (an entry's id) continues after the page that ended there. */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditEntry[]> {
  const rows = await db.query<{
    id: number;
    at: Date | string;
    user_id: string | null;
    user_name: string | null;
    action: string;
    entity: string | null;
    record_id: string | null;
    unit_id: string | null;
    client: string | null;
    detail: Record<string, unknown> | null;
  }>(
    `SELECT * FROM audit_log
      WHERE ($1::uuid IS NULL OR user_id = $1) AND ($2::uuid IS NULL OR unit_id = $2)
        AND ($3::date IS NULL OR at >= $3::date) AND ($4::date IS NULL OR at < $4::date + 1)
        AND ($6::bigint IS NULL OR id < $6)
      ORDER BY id DESC LIMIT $5`,
    [q.userId ?? null, q.unitId ?? null, q.from ?? null, q.to ?? null, q.limit, q.before ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    entity: r.entity,
    recordId: r.record_id,
    unitId: r.unit_id,
    client: r.client,
    detail: r.detail,
  }));
}
