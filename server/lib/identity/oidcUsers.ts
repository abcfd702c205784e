import * as v from 'valibot';
import { EmailSchema } from '@shared/schemas/user.ts';
import type { Queryable } from '../../db/database.ts';
import { findUnitId, findUserByEmail, findUserByExternalId, insertSignedInUser, type SignInUser } from '../../db/identities.ts';
import { log } from '../log.ts';
import { SignInFailure, type OidcSettings, type ProvenPerson } from './oidc.ts';

/** Who a sign-in through the provider let in, and whether their account was made just now. */
export interface Admitted {
  user: SignInUser;
  created: { email: string; unitId: string; role: string } | null;
}

/**
 * The user a person the provider vouches for is, matched on the configured claim without regard to
 * case: first against the identity an administrator (or an earlier sign-in) stored on a user, then, when
 * the value is an e-mail address (`email`, and usually Entra ID's `upn`), against users' e-mail addresses.
 * A deactivated user stays out. Someone unknown is refused, or, where the administrator chose so, created
 * with the configured role on the configured unit and no password.
 */
export async function admitPerson(tx: Queryable, settings: Pick<OidcSettings, 'claim' | 'unknown'>, person: ProvenPerson): Promise<Admitted> {
  const asEmail = v.safeParse(EmailSchema, person.identity);
  const known = async () => (await findUserByExternalId(tx, person.identity)) ?? (asEmail.success ? await findUserByEmail(tx, asEmail.output) : null);
  const found = await known();
  if (found) {
    if (!found.active) throw new SignInFailure('inactive', 'The user is deactivated');
    return { user: found, created: null };
  }
  const { unknown } = settings;
  if (!unknown.create) throw new SignInFailure('refused', 'Nobody in Målbild has this identity');

  const email = asEmail.success ? asEmail.output : person.email;
  if (!email) throw new SignInFailure('no_email', 'The provider gave no e-mail address for a new user');
  const unitId = await findUnitId(tx, unknown.unit);
  if (!unitId) {
    log().error({ unit: unknown.unit }, 'OIDC_NEW_UNIT: enheten finns inte; nya personer kan inte skapas');
    throw new SignInFailure('config', 'The unit for new people does not exist');
  }
  const name = person.name ?? email;
  // With the claim being the e-mail address itself, the address is the identity: nothing more to keep.
  const externalId = settings.claim === 'email' ? null : person.identity;
  const id = await insertSignedInUser(tx, { name, email, externalId, role: unknown.role, unitId });
  if (id) return { user: { id, name, active: true }, created: { email, unitId, role: unknown.role } };
  // Someone else's e-mail address, or the same person's other sign-in a moment ago.
  const raced = await known();
  if (!raced) throw new SignInFailure('taken', 'Another user has this e-mail address');
  if (!raced.active) throw new SignInFailure('inactive', 'The user is deactivated');
  return { user: raced, created: null };
}
