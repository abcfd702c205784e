import type { Role } from '@shared/schemas/user.ts';
import type { Queryable } from './database.ts';
import { insertGrant } from './users.ts';

/** A user as a sign-in through the identity provider finds them. */
export interface SignInUser {
  id: string;
  name: string;
  active: boolean;
}

export async function findUserByExternalId(db: Queryable, externalId: string): Promise<SignInUser | null> {
  const [row] = await db.query<SignInUser>('SELECT id, name, active FROM users WHERE lower(external_id) = lower($1)', [externalId]);
  return row ?? null;
}

/** E-mail addresses are stored in lower case (EmailSchema), so a lower-cased address finds its user whatever the provider's case. */
export async function findUserByEmail(db: Queryable, email: string): Promise<SignInUser | null> {
  const [row] = await db.query<SignInUser>('SELECT id, name, active FROM users WHERE email = lower($1)', [email]);
  return row ?? null;
}

/** A unit named by its id or by its key (`bup`, as in the plan file), or null when there is none. */
export async function findUnitId(db: Queryable, idOrKey: string): Promise<string | null> {
  const [row] = await db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND NOT deleted AND (id::text = $1 OR data->>'key' = $1) ORDER BY seq LIMIT 1`, [idOrKey]);
  return row?.id ?? null;
}

/**
 * A person the provider vouches for, created with one role on one unit and no password. Answers null when
 * the e-mail address or the identity is someone's already (another sign-in may have just created them).
 */
export async function insertSignedInUser(db: Queryable, person: { name: string; email: string; externalId: string | null; role: Role; unitId: string }): Promise<string | null> {
  const [row] = await db.query<{ id: string }>('INSERT INTO users (name, email, external_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id', [
    person.name,
    person.email,
    person.externalId,
  ]);
  if (!row) return null;
  await insertGrant(db, row.id, { unitId: person.unitId, role: person.role, includeSubunits: true });
  return row.id;
}
