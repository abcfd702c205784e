import * as v from 'valibot';
import { ActivityUpdateInputSchema } from './activity.ts';
import { IsoTimestampSchema, UuidSchema } from './common.ts';
import { GoalAssessmentInputSchema } from './goal.ts';
import { OutcomeInputSchema } from './outcome.ts';

/**
 * A change a person made on their device, named and with its own id (chosen by the device, so sending
 * it twice applies it once), the record it concerns and its arguments. The device keeps it in its
 * outbox until the server has answered.
 */
const base = { id: UuidSchema, recordId: UuidSchema, createdAt: IsoTimestampSchema };

export const MutationSchema = v.variant('name', [
  v.object({ ...base, name: v.literal('activity.update'), args: ActivityUpdateInputSchema }),
  v.object({ ...base, name: v.literal('outcome.set'), args: OutcomeInputSchema }),
  v.object({ ...base, name: v.literal('goalAssessment.set'), args: GoalAssessmentInputSchema }),
]);
export type Mutation = v.InferOutput<typeof MutationSchema>;
export type MutationName = Mutation['name'];
