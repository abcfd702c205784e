import * as v from 'valibot';
import { IsoTimestampSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { PeriodSchema } from './period.ts';
import { NameSchema } from './text.ts';

/**
 * A unit's word that its part of one report point of a plan is done (Klar för rapport), or that it has
 * taken that word back. One record per plan, unit and period, under an id derived from the three.
 */
export const ReadinessSchema = v.object({
  ...SyncMetaSchema.entries,
  planId: UuidSchema,
  unitId: UuidSchema,
  period: PeriodSchema,
  ready: v.boolean(),
  markedBy: NameSchema,
  markedAt: IsoTimestampSchema,
});
export type Readiness = v.InferOutput<typeof ReadinessSchema>;
