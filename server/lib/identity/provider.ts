import type { Queryable } from '../../db/database.ts';

/**
 * A way of proving who someone is. Every way ends in the same `users` row, so rights, sessions and the
 * audit trail do not care how a person signed in. Passwords prove it in one request, through this
 * interface. The region's identity provider (Entra ID, Inera's IdP with SITHS eID) proves it over two
 * requests with the browser away in between: `OidcClient` (oidc.ts) begins and finishes that redirect
 * flow, and `admitPerson` (oidcUsers.ts) maps the configured claim to a user.
 */
export interface IdentityProvider {
  readonly id: 'password' | 'oidc';
  /** The active user the credentials prove, or null. Must take as long for an unknown user as for a known one. */
  authenticate(db: Queryable, credentials: { email: string; secret: string }): Promise<{ userId: string } | null>;
}
