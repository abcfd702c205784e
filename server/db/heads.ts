import type { Database, Queryable } from './database.ts';

export interface Heads {
  /** The last change sequence handed out (what a pull reads up to). */
  seq: number;
  /** Moves whenever sessions, accounts, grants or units change (migration 012). */
  accessGeneration: number;
}

async function queryHeads(db: Queryable): Promise<Heads> {
  const [row] = await db.query<{ seq: string | number; generation: string | number }>(
    `SELECT (SELECT value FROM change_counter WHERE id = 1) AS seq, (SELECT value FROM access_generation WHERE id = 1) AS generation`,
  );
  return { seq: Number(row?.seq ?? 0), accessGeneration: Number(row?.generation ?? 0) };
}

const mirrors = new WeakMap<Database, Promise<Heads>>();

/**
 * Both counters kept in memory from the commits' notices (migration 012). Counters only grow, so a
 * notice that overtakes the first read, or repeats, changes nothing it should not.
 */
function mirror(db: Database & Required<Pick<Database, 'listen'>>): Promise<Heads> {
  let heads = mirrors.get(db);
  if (!heads) {
    const known: Heads = { seq: 0, accessGeneration: 0 };
    heads = db
      .listen('malbild_heads', (payload) => {
        const [table, value] = payload.split(':');
        if (table === 'change_counter') known.seq = Math.max(known.seq, Number(value));
        if (table === 'access_generation') known.accessGeneration = Math.max(known.accessGeneration, Number(value));
      })
      .then(() => queryHeads(db))
      .then((read) => {
        known.seq = Math.max(known.seq, read.seq);
        known.accessGeneration = Math.max(known.accessGeneration, read.accessGeneration);
        return known;
      });
    heads.catch(() => mirrors.delete(db));
    mirrors.set(db, heads);
  }
  return heads;
}

/**
 * Both counters: a signed-in request needs the access generation, a pull the change sequence as well.
 * Embedded, they are in memory (exact, see Database.listen); on a PostgreSQL server, asked in one round
 * trip, since another process's commit would reach this one's memory only a moment later.
 */
export async function readHeads(db: Database): Promise<Heads> {
  if (!db.listen) return queryHeads(db);
  const { seq, accessGeneration } = await mirror(db as Database & Required<Pick<Database, 'listen'>>);
  return { seq, accessGeneration };
}
