import * as v from 'valibot';
import { IsoDateSchema, KeySchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LongTextSchema, ShortTextSchema } from './text.ts';

export const AssignmentCodeSchema = v.pipe(v.string(), v.regex(/^[A-ZÅÄÖ]{1,6}\d+(-\d+)?$/, 'En uppdragskod skrivs som RF7 eller RF24-3.'));

export const AssignmentGiverSchema = v.picklist(['regionfullmäktige', 'regionstyrelsen', 'nämnd']);
export type AssignmentGiver = v.InferOutput<typeof AssignmentGiverSchema>;

/** An uppdrag such as `RF7` or `RF24-3`, given to a unit by the council, the board or a committee. */
export const AssignmentSchema = v.object({
  ...SyncMetaSchema.entries,
  planId: UuidSchema,
  key: KeySchema,
  /** Null for a committee's assignment that the plan states without a code. */
  code: v.nullable(AssignmentCodeSchema),
  /** Null where the source names the assignment by its code only (the delårsrapport does). */
  text: v.nullable(LongTextSchema),
  givenBy: AssignmentGiverSchema,
  givenToUnitId: UuidSchema,
  periodicity: v.nullable(ShortTextSchema),
  endDate: v.nullable(IsoDateSchema),
  status: v.nullable(ShortTextSchema),
  comment: v.nullable(LongTextSchema),
});
export type Assignment = v.InferOutput<typeof AssignmentSchema>;
