import type { Queryable } from '../db/database.ts';

/** After this many failed sign-ins for one e-mail address within the window, it is locked for the window. */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/**
 * Minutes left of a lockout, or 0. Counted per e-mail address as typed, whether or not an account has
 * it, so the answer never tells whether an account exists.
 */
export async function lockedMinutes(db: Queryable, email: string): Promise<number> {
  const [row] = await db.query<{ failures: number; last: Date | string | null }>(
    `SELECT count(*)::int AS failures, max(at) AS last FROM login_failures WHERE email = $1 AND at > now() - make_interval(mins => $2)`,
    [email, LOCK_MINUTES],
  );
  if (!row || row.failures < MAX_FAILURES || !row.last) return 0;
  const until = new Date(row.last).getTime() + LOCK_MINUTES * 60_000;
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

export async function recordFailure(db: Queryable, email: string): Promise<void> {
  await db.query('INSERT INTO login_failures (email) VALUES ($1)', [email]);
}

export async function clearFailures(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE email = $1', [email]);
}

/** Requests per address per minute on the sign-in route, before the database is even asked. */
export function createAddressLimiter(perMinute: number) {
  const hits = new Map<string, number[]>();
  return (address: string): boolean => {
    const now = Date.now();
    const recent = (hits.get(address) ?? []).filter((at) => now - at < 60_000);
    recent.push(now);
    hits.set(address, recent);
    if (hits.size > 10_000) hits.clear();
    return recent.length <= perMinute;
  };
}
