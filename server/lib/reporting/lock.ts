import type { Queryable } from '../../db/database.ts';

/**
 * Takes the row lock of the record a reporting write goes through (the activity, or the indicator or
 * goal whose cell it writes) before anything is read: writes to the same record arriving at the same
 * moment then run one after the other, each reading what the one before committed, so none decides on
 * a version that is already gone or overwrites another's change unseen. Without it, PostgreSQL runs
 * them side by side and the last to commit silently wins. (PGlite runs one transaction at a time.)
 */
export async function lockRecord(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT 1 FROM records WHERE id = $1 FOR UPDATE', [id]);
}
