import { historyId } from '@shared/logic/recordIds.ts';
import type { Database } from '../../server/db/database.ts';

/**
 * What the server's database holds about a set of mutation ids: the answer stored for each (the
 * exactly-once record), how many audit lines name it (one per application: a mutation applied twice
 * would leave two), and which became an activity history entry (named after the mutation, see historyId).
 */
export interface Ledger {
  status: Map<string, string | null>;
  /** The reason stored with a refusal or a conflict. */
  message: Map<string, string | null>;
  auditLines: Map<string, number>;
  historyEntries: Set<string>;
}

export async function readLedger(db: Database, ids: string[]): Promise<Ledger> {
  const stored = await db.query<{ id: string; status: string | null; message: string | null }>(
    `SELECT id::text, result->>'status' AS status, result->>'message' AS message FROM applied_mutations WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const audited = await db.query<{ id: string; n: number }>(
    `SELECT detail->>'mutationId' AS id, count(*)::int AS n FROM audit_log WHERE detail->>'mutationId' = ANY($1::text[]) GROUP BY 1`,
    [ids],
  );
  const byHistoryId = new Map(ids.map((id) => [historyId(id), id]));
  const history = await db.query<{ id: string }>(`SELECT id::text FROM records WHERE entity = 'activityUpdate' AND NOT deleted AND id = ANY($1::uuid[])`, [[...byHistoryId.keys()]]);
  return {
    status: new Map(stored.map((row) => [row.id, row.status])),
    message: new Map(stored.map((row) => [row.id, row.message])),
    auditLines: new Map(audited.map((row) => [row.id, row.n])),
    historyEntries: new Set(history.map((row) => byHistoryId.get(row.id)!)),
  };
}
