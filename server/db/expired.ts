import type { Database } from './database.ts';

export interface Removed {
  sessions: number;
  signInAttempts: number;
  loginFailures: number;
  oidcSignIns: number;
}

/**
 * Removes what has run out: sessions past their expiry, sign-in attempts and failed sign-ins older than
 * the windows they are counted in, identity-provider sign-ins never completed. Nothing removed here is read again, so running it twice is harmless.
 */
export async function removeExpired(db: Database, { attemptSeconds, failureMinutes }: { attemptSeconds: number; failureMinutes: number }): Promise<Removed> {
  return db.transaction(async (tx) => ({
    sessions: (await tx.query('DELETE FROM sessions WHERE expires_at <= now() RETURNING 1')).length,
    signInAttempts: (await tx.query('DELETE FROM sign_in_attempts WHERE at <= now() - make_interval(secs => $1) RETURNING 1', [attemptSeconds])).length,
    loginFailures: (await tx.query('DELETE FROM login_failures WHERE at <= now() - make_interval(mins => $1) RETURNING 1', [failureMinutes])).length,
    oidcSignIns: (await tx.query('DELETE FROM oidc_sign_ins WHERE expires_at <= now() RETURNING 1')).length,
  }));
}
