import type { MutationResult } from '@shared/schemas/mutation.ts';
import type { Queryable } from './database.ts';

export interface MutationClaim {
  id: string;
  userId: string;
  deviceId: string;
  name: string;
}

/**
 * Claims a mutation's id before it is applied; false when it was claimed before (a retry, the same batch
 * twice at once: the second waits on the row and is then answered from it).
 */
export async function claimMutation(tx: Queryable, claim: MutationClaim): Promise<boolean> {
  const rows = await tx.query('INSERT INTO applied_mutations (id, user_id, device_id, name) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id', [
    claim.id,
    claim.userId,
    claim.deviceId,
    claim.name,
  ]);
  return rows.length > 0;
}

/** The answer a mutation got, and the record version it left (kept so that the device's next change builds on it). */
export async function settleMutation(tx: Queryable, id: string, result: MutationResult, written: { recordId: string; version: number } | null): Promise<void> {
  await tx.query('UPDATE applied_mutations SET result = $2, record_id = $3, record_version = $4 WHERE id = $1', [id, JSON.stringify(result), written?.recordId ?? null, written?.version ?? null]);
}

/** Keeps a refusal as the mutation's answer, unless the id was claimed meanwhile; false then. */
export async function storeRefusal(db: Queryable, claim: MutationClaim, result: MutationResult): Promise<boolean> {
  const rows = await db.query('INSERT INTO applied_mutations (id, user_id, device_id, name, result) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id', [
    claim.id,
    claim.userId,
    claim.deviceId,
    claim.name,
    JSON.stringify(result),
  ]);
  return rows.length > 0;
}

export async function storedAnswer(db: Queryable, id: string): Promise<{ userId: string; result: MutationResult | null } | null> {
  const [row] = await db.query<{ user_id: string; result: MutationResult | null }>('SELECT user_id, result FROM applied_mutations WHERE id = $1', [id]);
  return row ? { userId: row.user_id, result: row.result } : null;
}

/** How many of the versions after `base` up to `current` of a record this device's own mutations made. */
export async function ownVersionsBetween(tx: Queryable, writer: { deviceId: string; userId: string }, recordId: string, base: number, current: number): Promise<number> {
  const [row] = await tx.query<{ own: number }>(
    `SELECT count(*)::int AS own FROM applied_mutations
      WHERE record_id = $1 AND device_id = $2 AND user_id = $3 AND record_version > $4 AND record_version <= $5`,
    [recordId, writer.deviceId, writer.userId, base, current],
  );
  return Number(row?.own ?? 0);
}
