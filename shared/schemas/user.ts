import * as v from 'valibot';
import { IsoTimestampSchema, UuidSchema } from './common.ts';
import { NameSchema } from './text.ts';

/**
 * What a person may do on a unit (and, by default, the units below it). A controller builds and imports
 * the unit's plans, keeps their reporting calendar and reports like a rapportör, without managing people.
 */
export const ROLES = ['administratör', 'controller', 'rapportör', 'läsare'] as const;
export const RoleSchema = v.picklist(ROLES, 'Rollen måste vara administratör, controller, rapportör eller läsare.');
export type Role = v.InferOutput<typeof RoleSchema>;

export const EmailSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, 'E-postadressen är för lång.'),
  v.email('Skriv en giltig e-postadress.'),
);

/**
 * What identifies a person at the region's identity provider when it is not their e-mail address: an
 * HSA-id (Inera's IdP, SITHS eID), Entra ID's object id, … (OIDC_CLAIM). Compared without regard to case.
 */
export const ExternalIdSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'Skriv personens inloggnings-id.'),
  v.maxLength(254, 'Inloggnings-id får ha högst 254 tecken.'),
  v.regex(/^[^\s\p{C}]+$/u, 'Inloggnings-id får inte innehålla mellanslag eller kontrolltecken.'),
);

/** Long passphrases are welcome; the upper bound only keeps hashing cheap for the server. */
export const PasswordSchema = v.pipe(
  v.string(),
  v.minLength(10, 'Lösenordet måste ha minst 10 tecken.'),
  v.maxLength(200, 'Lösenordet får ha högst 200 tecken.'),
);

/** A role on a unit, and by default on every unit below it. */
export const GrantSchema = v.object({
  id: UuidSchema,
  unitId: UuidSchema,
  role: RoleSchema,
  includeSubunits: v.boolean(),
});
export type Grant = v.InferOutput<typeof GrantSchema>;

export const UserSchema = v.object({
  id: UuidSchema,
  name: NameSchema,
  email: EmailSchema,
  active: v.boolean(),
  grants: v.array(GrantSchema),
  createdAt: IsoTimestampSchema,
  /** Their identity at the region's identity provider, where that is not their e-mail address. */
  externalId: v.optional(v.nullable(v.string()), null),
});
export type User = v.InferOutput<typeof UserSchema>;

/** The signed-in person as the client sees them, with the units their grants reach already worked out. */
export const MeSchema = v.object({
  id: UuidSchema,
  name: NameSchema,
  email: EmailSchema,
  grants: v.array(GrantSchema),
  isAdmin: v.boolean(),
  /** Units whose activities, outcomes and assessments this person may write. */
  writableUnitIds: v.array(UuidSchema),
  /** Units whose plans this person may import, change and keep the calendar of (controller, administratör). */
  plannableUnitIds: v.optional(v.array(UuidSchema), []),
  /** Units whose dialogue meetings and notes this person may write. */
  minutesWritableUnitIds: v.optional(v.array(UuidSchema), []),
});
export type Me = v.InferOutput<typeof MeSchema>;

/**
 * `GET /api/auth/me`: who is signed in, or `null` for nobody. Nobody signed in is an answer to that
 * question, not an error: a 401 there would be logged as a console error on every signed-out start.
 */
export const MeResponseSchema = v.object({ user: v.nullable(MeSchema) });
export type MeResponse = v.InferOutput<typeof MeResponseSchema>;

export const LoginSchema = v.object({
  email: EmailSchema,
  password: v.pipe(v.string(), v.minLength(1, 'Skriv ditt lösenord.'), v.maxLength(200, 'Lösenordet får ha högst 200 tecken.')),
});
export type Login = v.InferInput<typeof LoginSchema>;

export const CreateUserSchema = v.object({
  name: NameSchema,
  email: EmailSchema,
  password: PasswordSchema,
});
export type CreateUser = v.InferInput<typeof CreateUserSchema>;

export const UpdateUserSchema = v.object({
  name: v.optional(NameSchema),
  active: v.optional(v.boolean()),
  /** null takes it away: the person can then sign in through the identity provider only by e-mail address. */
  externalId: v.optional(v.nullable(ExternalIdSchema)),
});
export type UpdateUser = v.InferInput<typeof UpdateUserSchema>;

export const SetPasswordSchema = v.object({ password: PasswordSchema });

/** A person changing their own password proves they know the one they have. */
export const ChangeOwnPasswordSchema = v.object({
  currentPassword: v.pipe(v.string(), v.minLength(1, 'Skriv ditt nuvarande lösenord.'), v.maxLength(200, 'Lösenordet får ha högst 200 tecken.')),
  newPassword: PasswordSchema,
});
export type ChangeOwnPassword = v.InferInput<typeof ChangeOwnPasswordSchema>;

/** An e-mail address locked for sign-in from some client address, as the administrator sees it. */
export const LockoutSchema = v.object({
  email: v.string(),
  userId: v.nullable(UuidSchema),
  userName: v.nullable(v.string()),
  addresses: v.number(),
  minutesLeft: v.number(),
});
export type Lockout = v.InferOutput<typeof LockoutSchema>;

export const CreateGrantSchema = v.object({
  unitId: UuidSchema,
  role: RoleSchema,
  includeSubunits: v.optional(v.boolean(), true),
});
export type CreateGrant = v.InferInput<typeof CreateGrantSchema>;
