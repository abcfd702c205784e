import type { Database, Queryable } from './database.ts';

const known = new WeakMap<Queryable, Promise<string>>();

/**
 * The database's identity (its epoch), read once per process: it changes only by `renewServerIdentity`,
 * which is run with the servers stopped, after a restore.
 */
export function serverEpoch(db: Queryable): Promise<string> {
  let epoch = known.get(db);
  if (!epoch) {
    epoch = db.query<{ epoch: string }>('SELECT epoch FROM server_identity WHERE id = 1').then(([row]) => row!.epoch);
    epoch.catch(() => known.delete(db));
    known.set(db, epoch);
  }
  return epoch;
}

/**
 * Gives a restored database a new identity, so every device whose copy came from before the restore,
 * even one whose cursor the restored sequence reaches again, drops it and loads afresh.
 */
export async function renewServerIdentity(db: Database): Promise<string> {
  const [row] = await db.query<{ epoch: string }>('UPDATE server_identity SET epoch = gen_random_uuid() WHERE id = 1 RETURNING epoch');
  known.delete(db);
  return row!.epoch;
}
