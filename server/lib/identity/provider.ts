import type { Queryable } from '../../db/database.ts';

/**
 * A way of proving who someone is. Every provider ends in the same `users` row, so rights, sessions and
 * the audit trail do not care how a person signed in. Passwords are the first provider; an OIDC provider
 * (Azure AD, a SITHS-backed IdP) implements the same interface with its redirect flow and maps the
 * token's e-mail claim to a user.
 */
export interface IdentityProvider {
  readonly id: 'password' | 'oidc';
  /** The active user the credentials prove, or null. Must take as long for an unknown user as for a known one. */
  authenticate(db: Queryable, credentials: { email: string; secret: string }): Promise<{ userId: string } | null>;
}
