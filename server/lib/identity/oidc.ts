import * as client from 'openid-client';
import * as v from 'valibot';
import type { SignInError } from '@shared/schemas/signIn.ts';
import { NameSchema } from '@shared/schemas/text.ts';
import { EmailSchema, ExternalIdSchema, type Role } from '@shared/schemas/user.ts';
import type { Queryable } from '../../db/database.ts';
import { insertPendingSignIn, takePendingSignIn } from '../../db/oidcSignIns.ts';
import { log } from '../log.ts';

/** Who unknown people become at their first sign-in: nobody (refused), or a role on one unit. */
export type UnknownPeople = { create: false } | { create: true; role: Exclude<Role, 'administratör'>; unit: string };

/** Sign-in through the region's identity provider, as the environment configures it (config.ts). */
export interface OidcSettings {
  /** The provider's issuer; its discovery document is `/.well-known/openid-configuration` below it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim that identifies a person: `email`, `hsa_id` (Inera's IdP, SITHS eID), `oid`, `upn`, `preferred_username` (Entra ID), … */
  claim: string;
  /** The scopes asked for, space-separated, `openid` among them. */
  scopes: string;
  /** Where the provider sends the browser back: `${PUBLIC_URL}/api/auth/oidc/callback`. */
  redirectUri: string;
  /** Where the provider's end-session sends the browser after signing out: the sign-in screen. */
  postLogoutRedirectUri: string;
  /** The provider's name on the sign-in button: "Logga in med regionens inloggning". */
  displayName: string;
  unknown: UnknownPeople;
}

/** A sign-in that did not end in a person the provider vouches for; the code goes to the sign-in screen. */
export class SignInFailure extends Error {
  constructor(
    readonly code: SignInError,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What the provider says about the person who signed in there. */
export interface ProvenPerson {
  /** The configured claim's value. */
  identity: string;
  /** Their e-mail address, unless the provider gave none or said it is not verified. */
  email: string | null;
  name: string | null;
  /** Kept with the session, for the provider's end-session endpoint. */
  idToken: string;
}

/** How long a browser may spend at the provider before its sign-in runs out. */
export const SIGN_IN_MINUTES = 10;
/** Far longer than any real answer from a provider (a code, a state, an issuer, an error description). */
const MAX_QUERY_LENGTH = 8192;
/** How long the provider may take to answer one request, in seconds. */
const TIMEOUT_SECONDS = 10;
/** Discovery again after this long, so a provider's changed metadata is picked up without a restart. */
const DISCOVERY_MS = 60 * 60 * 1000;

/**
 * The spec's default method, client_secret_basic, unless the provider says it only takes the secret in
 * the body (client_secret_post).
 */
function secretAuthentication(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret);
  const post = client.ClientSecretPost(secret);
  return (as, metadata, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported;
    return (methods === undefined || methods.includes('client_secret_basic') ? basic : post)(as, metadata, body, headers);
  };
}

/** Whether an error comes from not reaching the provider at all (refused, timed out), however deep in its causes. */
function unreachable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError' || (cause instanceof TypeError && cause.message === 'fetch failed')) return true;
  }
  return false;
}

/** A failure for the log: what went wrong, never a token or a code. */
const described = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message, oauthError: (error as { error?: unknown }).error ?? null } : { message: String(error) };

function claimText(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** The person's name from the standard claims, if it is one Målbild can store. */
function nameOf(claims: Record<string, unknown>): string | null {
  const given = [claimText(claims.given_name), claimText(claims.family_name)].filter(Boolean).join(' ');
  for (const candidate of [claimText(claims.name), given]) {
    const parsed = v.safeParse(NameSchema, candidate ?? '');
    if (parsed.success) return parsed.output;
  }
  return null;
}

/**
 * The process's client of the region's identity provider: the authorization code flow with PKCE, a
 * state and a nonce, all three kept in the database (`oidc_sign_ins`) so the browser may come back to any
 * server process. The provider's metadata is discovered on first use, not at start, so a provider that is
 * down does not stop the app (password sign-in, where on, still works).
 */
export class OidcClient {
  private discovered: { at: number; configuration: Promise<client.Configuration> } | null = null;

  constructor(readonly settings: OidcSettings) {}

  /** The discovered configuration; a failed discovery is tried again at the next sign-in. */
  configuration(): Promise<client.Configuration> {
    if (!this.discovered || Date.now() - this.discovered.at > DISCOVERY_MS) {
      const { issuer, clientId, clientSecret } = this.settings;
      const server = new URL(issuer);
      // config.ts allows plain http only for a provider on this machine (tests, development).
      const execute = server.protocol === 'http:' ? [client.allowInsecureRequests] : [];
      const configuration = client.discovery(server, clientId, { client_secret: clientSecret }, secretAuthentication(clientSecret), { timeout: TIMEOUT_SECONDS, execute });
      const entry = { at: Date.now(), configuration };
      configuration.catch(() => {
        if (this.discovered === entry) this.discovered = null;
      });
      this.discovered = entry;
    }
    return this.discovered.configuration;
  }

  /**
   * Begins a sign-in: the provider's address to send the browser to, and the state the browser must bring
   * back (the caller keeps it in a cookie, which binds the answer to the browser that asked).
   */
  async begin(db: Queryable, returnPath: string): Promise<{ url: URL; state: string }> {
    let configuration: client.Configuration;
    try {
      configuration = await this.configuration();
    } catch (error) {
      log().warn({ err: described(error), issuer: this.settings.issuer }, 'OIDC: leverantören svarar inte (discovery)');
      throw new SignInFailure('unreachable', 'The identity provider could not be reached', { cause: error });
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await insertPendingSignIn(db, state, { codeVerifier, nonce, returnPath }, SIGN_IN_MINUTES);
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, state };
  }

  /**
   * Finishes a sign-in from the provider's answer (the callback's query string) and the state the
   * browser kept: the person the provider vouches for, and where in the app they were going. Throws
   * `SignInFailure` for everything that is not that.
   */
  async finish(db: Queryable, { query, browserState }: { query: string; browserState: string | undefined }): Promise<{ person: ProvenPerson; returnPath: string }> {
    if (query.length > MAX_QUERY_LENGTH) throw new SignInFailure('state', 'The answer is far too long to be the provider’s');
    const params = new URLSearchParams(query);
    const state = params.get('state');
    // Another browser's answer (a link someone was sent, to sign them in as someone else) has no cookie to match.
    if (!state || !browserState || state !== browserState) throw new SignInFailure('state', 'The state does not match this browser’s sign-in');
    const pending = await takePendingSignIn(db, state);
    if (!pending) throw new SignInFailure('state', 'No sign-in on its way has this state (used, or run out)');
    const providerError = params.get('error');
    if (providerError !== null) {
      log().info({ oauthError: providerError.slice(0, 100) }, 'OIDC: leverantören svarade med ett fel');
      throw new SignInFailure(providerError === 'access_denied' ? 'cancelled' : 'idp', 'The provider answered with an error');
    }

    let configuration: client.Configuration;
    try {
      configuration = await this.configuration();
    } catch (error) {
      throw new SignInFailure('unreachable', 'The identity provider could not be reached', { cause: error });
    }
    // The address the provider sent the browser to, as registered there, whatever the proxy made of it.
    const current = new URL(this.settings.redirectUri);
    current.search = params.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      const code: SignInError = unreachable(error) ? 'unreachable' : error instanceof client.ResponseBodyError ? (error.error === 'invalid_grant' ? 'code' : 'idp') : 'failed';
      log().warn({ err: described(error), code }, 'OIDC: koden kunde inte lösas in');
      throw new SignInFailure(code, 'The code could not be exchanged', { cause: error });
    }
    const idClaims = tokens.claims();
    const idToken = tokens.id_token;
    if (!idClaims || !idToken) throw new SignInFailure('failed', 'The provider gave no ID token');

    const { claim } = this.settings;
    let claims: Record<string, unknown> = { ...idClaims };
    // Many providers put only `sub` in the ID token of a code flow and the rest in UserInfo.
    const missing = claims[claim] === undefined || claims.email === undefined || claims.name === undefined;
    if (missing && configuration.serverMetadata().userinfo_endpoint) {
      try {
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        claims = { ...userInfo, ...claims };
      } catch (error) {
        // Only a loss when the identifying claim is what was missing (checked just below).
        log().warn({ err: described(error) }, 'OIDC: UserInfo kunde inte hämtas');
      }
    }
    const identity = v.safeParse(ExternalIdSchema, claimText(claims[claim]) ?? '');
    if (!identity.success) throw new SignInFailure('claim', `The provider’s answer has no usable ${claim}`);
    const email = v.safeParse(EmailSchema, claimText(claims.email) ?? '');
    return {
      person: {
        identity: identity.output,
        email: email.success && claims.email_verified !== false ? email.output : null,
        name: nameOf(claims),
        idToken,
      },
      returnPath: pending.returnPath,
    };
  }

  /**
   * Where to send the browser to end its session at the provider too, or null when the provider offers
   * no end-session endpoint (or cannot be reached: the app's own session ends all the same).
   */
  async endSessionUrl(idToken: string): Promise<string | null> {
    try {
      const configuration = await this.configuration();
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: this.settings.postLogoutRedirectUri }).href;
    } catch (error) {
      log().warn({ err: described(error) }, 'OIDC: ingen utloggning hos leverantören');
      return null;
    }
  }
}
