import { createHash } from 'node:crypto';
import type { Queryable } from './database.ts';

/** What the server keeps of a sign-in sent to the identity provider until the browser comes back. */
export interface PendingSignIn {
  codeVerifier: string;
  nonce: string;
  returnPath: string;
}

const hashState = (state: string) => createHash('sha256').update(state).digest('base64url');

export async function insertPendingSignIn(db: Queryable, state: string, pending: PendingSignIn, minutes: number): Promise<void> {
  await db.query('DELETE FROM oidc_sign_ins WHERE expires_at <= now()');
  await db.query(
    `INSERT INTO oidc_sign_ins (state_hash, code_verifier, nonce, return_path, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [hashState(state), pending.codeVerifier, pending.nonce, pending.returnPath, minutes],
  );
}

/**
 * The sign-in this state belongs to, taken so that it cannot be used twice (a replayed answer from the
 * provider finds nothing); null when there is none or it has run out.
 */
export async function takePendingSignIn(db: Queryable, state: string): Promise<PendingSignIn | null> {
  const [row] = await db.query<{ code_verifier: string; nonce: string; return_path: string; live: boolean }>(
    'DELETE FROM oidc_sign_ins WHERE state_hash = $1 RETURNING code_verifier, nonce, return_path, expires_at > now() AS live',
    [hashState(state)],
  );
  return row?.live ? { codeVerifier: row.code_verifier, nonce: row.nonce, returnPath: row.return_path } : null;
}
