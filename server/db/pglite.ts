import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/** Embedded PostgreSQL in a data folder (or in memory when `dataDir` is null, for tests). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  const query = async <Row>(sql: string, params: unknown[] = []) => (await pg.query<Row>(sql, params)).rows;
  return {
    kind: 'pglite',
    query,
    async transaction(work) {
      return pg.transaction(async (tx) => {
        const scoped: Queryable = { query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows };
        return work(scoped);
      });
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    async close() {
      await pg.close();
    },
    async listen(channel, listener) {
      await pg.listen(channel, listener);
    },
    // One process at a time can open a PGlite folder, so that process holds every lock.
    async tryHoldLock() {
      return { held: async () => !pg.closed, release: async () => undefined };
    },
  };
}
