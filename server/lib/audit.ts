import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Queryable } from '../db/database.ts';
import type { AppEnv } from './appEnv.ts';

export interface AuditEvent {
  action: string;
  entity?: string | null;
  recordId?: string | null;
  unitId?: string | null;
  detail?: Record<string, unknown> | null;
  /** Who, when there is no session yet (a failed sign-in names the e-mail tried, never the password). */
  actor?: { id: string | null; name: string | null };
}

export function addressOf(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'okänd';
  } catch {
    // app.request() in tests has no socket.
    return 'okänd';
  }
}

/** Where a request came from, for the audit trail: the address and the browser, never a cookie. */
export function clientOf(c: Context<AppEnv>): string {
  const address = addressOf(c);
  const device = c.req.header('x-device-id') ?? '';
  const agent = (c.req.header('user-agent') ?? '').slice(0, 200);
  return `${address}${device ? ` enhet ${device.slice(0, 64)}` : ''} ${agent}`.trim();
}

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

/** Appends one line to the audit trail, in the caller's transaction so it stands or falls with the write. */
export async function appendAudit(tx: Queryable, row: AuditRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (user_id, user_name, action, entity, record_id, unit_id, client, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.userId, row.userName, row.action, row.entity ?? null, row.recordId ?? null, row.unitId ?? null, row.client, row.detail ? JSON.stringify(row.detail) : null],
  );
}

/** The audit line for a change made by an actor (see actor.ts). */
export async function auditBy(tx: Queryable, actor: { access: { user: { id: string; name: string } }; client: string }, event: AuditEvent): Promise<void> {
  await appendAudit(tx, { ...event, userId: actor.access.user.id, userName: actor.access.user.name, client: actor.client });
}

/** The audit line for a request: by the signed-in person (or the given actor), from the request's client. */
export async function audit(tx: Queryable, c: Context<AppEnv>, event: AuditEvent): Promise<void> {
  const actor = event.actor ?? { id: c.var.access?.user.id ?? null, name: c.var.access?.user.name ?? null };
  await appendAudit(tx, { ...event, userId: actor.id, userName: actor.name, client: clientOf(c) });
}
