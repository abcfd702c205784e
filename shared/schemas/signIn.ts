import * as v from 'valibot';

/**
 * Why a sign-in through the region's identity provider ended without a session. The server sends the
 * browser back to the sign-in screen with one of these (`/logga-in?fel=state`); the screen says it in words.
 */
export const SIGN_IN_ERRORS = [
  /** The browser came back with a state the server did not send it, or one that has run out (10 minutes). */
  'state',
  /** The provider would not exchange its code: used already, expired, or never issued. */
  'code',
  /** Nobody in Målbild has the person's identity, and unknown people are refused. */
  'refused',
  /** The person's account is deactivated. */
  'inactive',
  /** An unknown person would be created, but the provider gave no e-mail address. */
  'no_email',
  /** An unknown person would be created, but another account already has their e-mail address. */
  'taken',
  /** The provider's answer lacked the claim that identifies a person. */
  'claim',
  /** The person cancelled at the provider. */
  'cancelled',
  /** The provider answered with an error of its own. */
  'idp',
  /** The provider could not be reached. */
  'unreachable',
  /** Målbild's sign-in settings are wrong (the unit for new people is missing, say). */
  'config',
  /** Sign-in through the provider is not switched on. */
  'off',
  /** Too many sign-ins from this address this minute. */
  'rate_limited',
  /** The provider's answer did not hold up (a token that failed its checks). */
  'failed',
] as const;
export const SignInErrorSchema = v.picklist(SIGN_IN_ERRORS);
export type SignInError = v.InferOutput<typeof SignInErrorSchema>;

/** Which ways of signing in the sign-in screen offers (`GET /api/auth/methods`). */
export const SignInMethodsSchema = v.object({
  password: v.boolean(),
  /** Sign-in through the region's identity provider, with the name the button shows; null when off. */
  oidc: v.nullable(v.object({ name: v.string() })),
});
export type SignInMethods = v.InferOutput<typeof SignInMethodsSchema>;

/** What `POST /api/auth/logout` answers: nothing (204), or where to end the identity provider's session too. */
export const LogoutResponseSchema = v.nullable(v.object({ endSessionUrl: v.pipe(v.string(), v.regex(/^https?:\/\//)) }));
