import type { Queryable } from '../db/database.ts';
import { countAttempt } from '../db/signInAttempts.ts';

/**
 * After this many failed sign-ins for one e-mail address from one client address within the window, that
 * e-mail is locked for that client address for the window. Counting per pair, not per e-mail alone, is
 * what keeps the lock from being a weapon: five wrong passwords from anywhere used to lock anyone out
 * everywhere. Guessing from many addresses is slowed by the per-address limit below and argon2's cost.
 */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

/**
 * Minutes left of a lockout of this e-mail for this client address, or 0. Counted whether or not an
 * account has the e-mail, so the answer never tells whether an account exists.
 */
export async function lockedMinutes(db: Queryable, email: string, address: string): Promise<number> {
  const [row] = await db.query<{ failures: number; last: Date | string | null }>(
    `SELECT count(*)::int AS failures, max(at) AS last FROM login_failures WHERE email = $1 AND address = $2 AND at > now() - make_interval(mins => $3)`,
    [email, address, LOCK_MINUTES],
  );
  if (!row || row.failures < MAX_FAILURES || !row.last) return 0;
  const until = new Date(row.last).getTime() + LOCK_MINUTES * 60_000;
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

export async function recordFailure(db: Queryable, email: string, address: string): Promise<void> {
  await db.query('INSERT INTO login_failures (email, address) VALUES ($1, $2)', [email, address]);
}

/** Forgets every failed sign-in of an e-mail: a sign-in that succeeded, a new password, an administrator's unlock. */
export async function clearFailures(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE email = $1', [email]);
}

export interface Lockout {
  email: string;
  /** From how many client addresses the e-mail is locked now. */
  addresses: number;
  minutesLeft: number;
}

/** Every e-mail locked from some address right now, for the administrator. */
export async function currentLockouts(db: Queryable): Promise<Lockout[]> {
  const rows = await db.query<{ email: string; addresses: number; last: Date | string }>(
    `SELECT email, count(*)::int AS addresses, max(last) AS last FROM (
       SELECT email, address, max(at) AS last FROM login_failures
        WHERE at > now() - make_interval(mins => $1) GROUP BY email, address HAVING count(*) >= $2
     ) locked GROUP BY email ORDER BY email`,
    [LOCK_MINUTES, MAX_FAILURES],
  );
  return rows.map((row) => ({
    email: row.email,
    addresses: row.addresses,
    minutesLeft: Math.max(1, Math.ceil((new Date(row.last).getTime() + LOCK_MINUTES * 60_000 - Date.now()) / 60_000)),
  }));
}

/** The window of the per-address limit. */
export const ATTEMPT_WINDOW_SECONDS = 60;

/**
 * Requests per client address and minute on the sign-in routes, before a password is even checked.
 * Counted in the database, so the limit holds across every server process behind the proxy; a process
 * of its own would let an attacker multiply it by the number of processes.
 */
export function createAddressLimiter(db: Queryable, perMinute: number) {
  return async (address: string): Promise<boolean> => (await countAttempt(db, address, ATTEMPT_WINDOW_SECONDS)) <= perMinute;
}
