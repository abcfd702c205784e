import type { CreateGrant, Role, User } from '@shared/schemas/user.ts';
import type { Queryable } from './database.ts';
import { loadGrants } from '../lib/session.ts';

interface UserRow {
  id: string;
  name: string;
  email: string;
  active: boolean;
  created_at: Date | string;
  external_id: string | null;
}

async function toUser(db: Queryable, row: UserRow): Promise<User> {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    active: row.active,
    createdAt: new Date(row.created_at).toISOString(),
    grants: await loadGrants(db, row.id),
    externalId: row.external_id,
  };
}

export async function getUser(db: Queryable, id: string): Promise<User | null> {
  const [row] = await db.query<UserRow>('SELECT id, name, email, active, created_at, external_id FROM users WHERE id = $1', [id]);
  return row ? toUser(db, row) : null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const rows = await db.query<UserRow>('SELECT id, name, email, active, created_at, external_id FROM users ORDER BY name, email');
  return Promise.all(rows.map((row) => toUser(db, row)));
}

export async function emailTaken(db: Queryable, email: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE email = $1', [email])).length > 0;
}

export async function insertUser(db: Queryable, user: { name: string; email: string; passwordHash: string }): Promise<string> {
  const [row] = await db.query<{ id: string }>('INSERT INTO users (name, email, password_hash) VALUES ($1, $2, $3) RETURNING id', [
    user.name,
    user.email,
    user.passwordHash,
  ]);
  return row!.id;
}

export async function updateUser(db: Queryable, id: string, changes: { name?: string; active?: boolean; externalId?: string | null }): Promise<void> {
  await db.query('UPDATE users SET name = coalesce($2, name), active = coalesce($3, active) WHERE id = $1', [id, changes.name ?? null, changes.active ?? null]);
  if (changes.externalId !== undefined) await db.query('UPDATE users SET external_id = $2 WHERE id = $1', [id, changes.externalId]);
}

/** Whether another user already has this identity at the identity provider (compared without regard to case). */
export async function externalIdTaken(db: Queryable, externalId: string, exceptUserId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE lower(external_id) = lower($1) AND id <> $2', [externalId, exceptUserId])).length > 0;
}

export async function setPasswordHash(db: Queryable, id: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
}

/** Grants change what a person's devices may hold, so each change bumps their scope version. */
export async function insertGrant(db: Queryable, userId: string, grant: CreateGrant & { role: Role }): Promise<string> {
  const [row] = await db.query<{ id: string }>('INSERT INTO grants (user_id, unit_id, role, include_subunits) VALUES ($1, $2, $3, $4) RETURNING id', [
    userId,
    grant.unitId,
    grant.role,
    grant.includeSubunits ?? true,
  ]);
  await db.query('UPDATE users SET scope_version = scope_version + 1 WHERE id = $1', [userId]);
  return row!.id;
}

export async function deleteGrant(db: Queryable, grantId: string): Promise<{ userId: string; unitId: string; role: Role } | null> {
  const [row] = await db.query<{ user_id: string; unit_id: string; role: Role }>('DELETE FROM grants WHERE id = $1 RETURNING user_id, unit_id, role', [grantId]);
  if (!row) return null;
  await db.query('UPDATE users SET scope_version = scope_version + 1 WHERE id = $1', [row.user_id]);
  return { userId: row.user_id, unitId: row.unit_id, role: row.role };
}

export async function countAdmins(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(DISTINCT u.id)::int AS n FROM users u JOIN grants g ON g.user_id = u.id WHERE g.role = 'administratör' AND u.active`,
  );
  return row?.n ?? 0;
}
