import type Dexie from 'dexie';
import { deviceDb } from '../db/deviceDb.ts';

const OUTBOX = 'outbox';

/** How many changes made on this device still wait in the outbox for the server (0 before there is one). */
export async function countUnsentChanges(db: Dexie = deviceDb): Promise<number> {
  if (!db.tables.some((table) => table.name === OUTBOX)) return 0;
  return db.table(OUTBOX).count();
}
