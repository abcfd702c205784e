import type { Queryable } from './database.ts';

/** Records an attempt from `address` and answers how many it has made within the last `seconds`, this one included. */
export async function countAttempt(db: Queryable, address: string, seconds: number): Promise<number> {
  // The insert is not visible to the count in the same statement: hence the one added.
  const [row] = await db.query<{ attempts: number }>(
    `WITH added AS (INSERT INTO sign_in_attempts (address) VALUES ($1) RETURNING 1)
     SELECT count(*)::int + 1 AS attempts FROM sign_in_attempts WHERE address = $1 AND at > now() - make_interval(secs => $2)`,
    [address, seconds],
  );
  return row?.attempts ?? 1;
}

