import pg from 'pg';
import type { Database, Queryable } from './database.ts';

// BIGINT (int8) comes back as a string by default; our change sequences stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** A PostgreSQL server reached through `DATABASE_URL`, with an optional schema to work in (tests use one each). */
export async function openPostgres(connectionString: string, schema: string | null = null): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const query = async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[];
  return {
    kind: 'postgres',
    query,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const scoped: Queryable = { query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[] };
        const result = await work(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
    async tryHoldLock(name) {
      // A session-level advisory lock on a connection kept for it: PostgreSQL drops it when the process or
      // its connection dies. Named per schema, so installations sharing a database do not block each other.
      const client = await pool.connect();
      const release = (error?: Error) => client.release(error);
      try {
        const [row] = (await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock(hashtext($1 || ':' || current_schema())) AS ok`, [name])).rows;
        if (row?.ok) {
          let gone = false;
          const lost = () => (gone = true);
          client.on('error', lost);
          client.on('end', lost);
          return {
            held: async () => !gone && (await client.query('SELECT 1').then(() => true, () => false)),
            release: async () => {
              if (!gone) await client.query(`SELECT pg_advisory_unlock(hashtext($1 || ':' || current_schema()))`, [name]).catch(() => undefined);
              release(gone ? new Error('lost') : undefined);
            },
          };
        }
        release();
        return null;
      } catch (error) {
        release(error as Error);
        return null;
      }
    },
  };
}
