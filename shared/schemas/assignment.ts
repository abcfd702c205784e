import * as v from 'valibot';
import { ConflictAuthorSchema, IsoDateSchema, KeySchema, RemovedSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LongTextSchema, ShortTextSchema } from './text.ts';

export const AssignmentCodeSchema = v.pipe(v.string(), v.regex(/^[A-ZÅÄÖ]{1,6}\d+(-\d+)?$/, 'En uppdragskod skrivs som RF7 eller RF24-3.'));

/** Who gave the assignment, in the organisation's words: Regionfullmäktige, Regionstyrelsen, a nämnd … */
export const AssignmentGiverSchema = v.pipe(ShortTextSchema, v.minLength(1, 'Ange vem som gav uppdraget, till exempel Regionfullmäktige.'));

/** Where the assignment stands, in the organisation's words: Pågående, Genomfört … */
export const AssignmentStatusSchema = v.pipe(ShortTextSchema, v.minLength(1, 'Ange en status.'));

/** An uppdrag such as `RF7` or `RF24-3`, given to a unit (or to words such as "alla nämnder och styrelser"). */
export const AssignmentSchema = v.object({
  ...SyncMetaSchema.entries,
  ...RemovedSchema.entries,
  planId: UuidSchema,
  key: KeySchema,
  /** Null for a committee's assignment that the plan states without a code. */
  code: v.nullable(AssignmentCodeSchema),
  /** Null where the source names the assignment by its code only (the delårsrapport does). */
  text: v.nullable(LongTextSchema),
  givenBy: AssignmentGiverSchema,
  /** The unit it is directed to (riktas till), where it names one. */
  givenToUnitId: v.nullable(UuidSchema),
  /** "Riktas till" in words, where the plan writes them instead of (or beside) a unit. */
  givenToText: v.optional(v.nullable(ShortTextSchema)),
  /** The unit that answers for it: the one it is directed to, else the plan's own. */
  unitId: UuidSchema,
  periodicity: v.nullable(ShortTextSchema),
  endDate: v.nullable(IsoDateSchema),
  status: v.nullable(AssignmentStatusSchema),
  comment: v.nullable(LongTextSchema),
  /** Statuses and comments written on top of an older version than the one that stands, waiting for a choice. */
  conflicts: v.optional(v.array(v.object({ ...ConflictAuthorSchema.entries, status: v.nullable(AssignmentStatusSchema), comment: v.nullable(LongTextSchema) })), []),
});
export type Assignment = v.InferOutput<typeof AssignmentSchema>;
