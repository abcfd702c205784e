import type { Context } from 'hono';
import { insertAudit } from '../db/auditLog.ts';
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

/**
 * Where a request came from, for the audit trail: the address and the browser, never a cookie. The
 * device id was checked at the edge (app.ts); the user agent is cut to a length and to printable text.
 */
export function clientOf(c: Context<AppEnv>): string {
  const device = c.req.header('x-device-id') ?? '';
  const agent = (c.req.header('user-agent') ?? '').replace(/[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/gu, '').slice(0, 200);
  return `${c.var.client.address}${device ? ` enhet ${device}` : ''} ${agent}`.trim();
}

/** The audit line for a change made by an actor (see actor.ts). */
export async function auditBy(tx: Queryable, actor: { access: { user: { id: string; name: string } }; client: string }, event: AuditEvent): Promise<void> {
  await insertAudit(tx, { ...event, userId: actor.access.user.id, userName: actor.access.user.name, client: actor.client });
}

/** The audit line for a request: by the signed-in person (or the given actor), from the request's client. */
export async function audit(tx: Queryable, c: Context<AppEnv>, event: AuditEvent): Promise<void> {
  const actor = event.actor ?? { id: c.var.access?.user.id ?? null, name: c.var.access?.user.name ?? null };
  await insertAudit(tx, { ...event, userId: actor.id, userName: actor.name, client: clientOf(c) });
}
