import * as v from 'valibot';
import { MUTATION_KINDS, type MutationKinds, type MutationName } from '../mutations/kinds.ts';
import { IsoTimestampSchema, UuidSchema } from './common.ts';

export type { MutationName };

const base = { id: UuidSchema, recordId: UuidSchema, createdAt: IsoTimestampSchema };

/**
 * A change a person made on their device, named and with its own id (chosen by the device, so sending
 * it twice applies it once), the record it concerns and its arguments. The device keeps it in its
 * outbox until the server has answered.
 */
export type Mutation = {
  [N in MutationName]: { id: string; recordId: string; createdAt: string; name: N; args: v.InferOutput<MutationKinds[N]['args']> };
}[MutationName];

export const MutationSchema = v.variant(
  'name',
  Object.values(MUTATION_KINDS).map((kind) => v.object({ ...base, name: v.literal(kind.name), args: kind.args })) as unknown as [v.ObjectSchema<typeof base & { name: v.LiteralSchema<MutationName, undefined> }, undefined>],
  'Okänd sorts ändring.',
) as unknown as v.GenericSchema<unknown, Mutation>;

/**
 * The version and change sequence a write left its record at. Optional because answers stored before the
 * server recorded them are given again, unchanged, to a device retrying such a mutation.
 */
const written = { version: v.optional(v.number()), seq: v.optional(v.number()) };

/** How the server settled one mutation. `rejected` carries a reason in Swedish for the author. */
export const MutationResultSchema = v.variant('status', [
  v.object({ id: UuidSchema, status: v.literal('applied'), ...written }),
  v.object({ id: UuidSchema, status: v.literal('conflict'), message: v.string(), ...written }),
  v.object({ id: UuidSchema, status: v.literal('rejected'), message: v.string() }),
]);
export type MutationResult = v.InferOutput<typeof MutationResultSchema>;

export const PUSH_MAX_MUTATIONS = 200;

/** A device's own id, chosen once on the device: letters, digits, - and _. */
export const DEVICE_ID_PATTERN = /^[\w-]{8,64}$/;

export const PushRequestSchema = v.object({
  deviceId: v.pipe(v.string(), v.regex(DEVICE_ID_PATTERN, 'Ogiltigt enhets-id.')),
  // Each mutation is checked on its own, so one bad mutation does not sink the valid ones in its batch.
  mutations: v.pipe(v.array(v.unknown()), v.maxLength(PUSH_MAX_MUTATIONS, `Högst ${PUSH_MAX_MUTATIONS} ändringar per sändning.`)),
});

export const PushResponseSchema = v.object({ results: v.array(MutationResultSchema) });
export type PushResponse = v.InferOutput<typeof PushResponseSchema>;
