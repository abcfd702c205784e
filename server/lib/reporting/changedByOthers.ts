import type { Queryable } from '../../db/database.ts';
import type { Writer } from './result.ts';

/**
 * Whether a record has moved on since the version a change was made on through anyone but the device
 * making it. A device's own earlier changes to the record, made while offline or sent but not yet pulled
 * back, are what the person built on, not someone else's change to be settled: each version between the
 * base and the current one that one of the device's own mutations left is discounted. A base of null
 * means the person saw no record at all.
 */
export async function changedByOthers(tx: Queryable, writer: Writer, recordId: string, baseVersion: number | null, currentVersion: number): Promise<boolean> {
  const base = baseVersion ?? 0;
  if (base === currentVersion) return false;
  if (writer.deviceId === null || base > currentVersion) return true;
  const [row] = await tx.query<{ own: number }>(
    `SELECT count(*)::int AS own FROM applied_mutations
      WHERE record_id = $1 AND device_id = $2 AND user_id = $3 AND record_version > $4 AND record_version <= $5`,
    [recordId, writer.deviceId, writer.userId, base, currentVersion],
  );
  return Number(row?.own ?? 0) < currentVersion - base;
}
