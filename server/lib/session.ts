import { createHash, randomBytes } from 'node:crypto';
import type { Grant } from '@shared/schemas/user.ts';
import type { Queryable } from '../db/database.ts';
import type { SessionUser } from './access.ts';

export const SESSION_COOKIE = 'malbild_session';
export const SESSION_DAYS = 30;
/** How stale `last_seen_at` may get before a request slides the expiry forward (saves a write per request). */
const SLIDE_AFTER_MS = 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new session; `idToken` is the identity provider's, kept for ending its session too at sign-out. */
export async function createSession(db: Queryable, userId: string, idToken: string | null = null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(`INSERT INTO sessions (token_hash, user_id, expires_at, id_token) VALUES ($1, $2, now() + make_interval(days => $3), $4)`, [
    hashToken(token),
    userId,
    SESSION_DAYS,
    idToken,
  ]);
  return token;
}

/** Ends the session; answers the identity provider's ID token it began with (null for a password sign-in). */
export async function endSession(db: Queryable, token: string): Promise<{ idToken: string | null }> {
  const [row] = await db.query<{ id_token: string | null }>('DELETE FROM sessions WHERE token_hash = $1 RETURNING id_token', [hashToken(token)]);
  return { idToken: row?.id_token ?? null };
}

export async function endAllSessions(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Ends every session of the person but the one behind `token` (signs out their other devices); answers how many. */
export async function endOtherSessions(db: Queryable, userId: string, token: string): Promise<number> {
  const rows = await db.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2 RETURNING token_hash', [userId, hashToken(token)]);
  return rows.length;
}

interface SessionRow {
  id: string;
  name: string;
  email: string;
  scope_version: number;
  last_seen_at: Date | string;
  expires_at: Date | string;
}

/**
 * The active user behind a session token, or null. Sliding expiry: a session in use is extended to 30
 * days from now; `slid` tells the caller to send the cookie again with the new lifetime. `freshUntil` is
 * until when (epoch ms) the answer holds without asking again: until the session expires or is due to slide.
 */
export async function readSession(db: Queryable, token: string): Promise<{ user: SessionUser; slid: boolean; freshUntil: number } | null> {
  const [row] = await db.query<SessionRow>(
    `SELECT u.id, u.name, u.email, u.scope_version, s.last_seen_at, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [hashToken(token)],
  );
  if (!row) return null;
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  const slid = now - lastSeen > SLIDE_AFTER_MS;
  const freshUntil = slid ? now + SLIDE_AFTER_MS : Math.min(new Date(row.expires_at).getTime(), lastSeen + SLIDE_AFTER_MS);
  if (slid) {
    await db.query(`UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(days => $2) WHERE token_hash = $1`, [
      hashToken(token),
      SESSION_DAYS,
    ]);
  }
  const grants = await loadGrants(db, row.id);
  return { user: { id: row.id, name: row.name, email: row.email, scopeVersion: row.scope_version, grants }, slid, freshUntil };
}

export async function loadGrants(db: Queryable, userId: string): Promise<Grant[]> {
  return db.query<Grant>(
    `SELECT id, unit_id AS "unitId", role, include_subunits AS "includeSubunits" FROM grants WHERE user_id = $1 ORDER BY created_at, id`,
    [userId],
  );
}
