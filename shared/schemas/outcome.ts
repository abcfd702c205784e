import * as v from 'valibot';
import { ConflictAuthorSchema, KeySchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LongTextSchema } from './text.ts';
import { PeriodSchema } from './period.ts';

export const GenderSchema = v.picklist(['T', 'K', 'M']);
export type Gender = v.InferOutput<typeof GenderSchema>;

/** Where a value came from; `exempel` marks generated demo history so the UI never passes it off as real. */
export const OutcomeSourceSchema = v.picklist(['manuell', 'import', 'kolada', 'exempel']);
export type OutcomeSource = v.InferOutput<typeof OutcomeSourceSchema>;

/** An indicator's value for one period (and sub-series and gender, where the indicator has them). */
export const OutcomeSchema = v.object({
  ...SyncMetaSchema.entries,
  indicatorId: UuidSchema,
  unitId: UuidSchema,
  subSeriesKey: v.nullable(KeySchema),
  gender: GenderSchema,
  period: PeriodSchema,
  value: v.pipe(v.number(), v.finite('Värdet måste vara ett tal.')),
  nationalAverage: v.nullable(v.pipe(v.number(), v.finite())),
  comment: v.nullable(LongTextSchema),
  source: OutcomeSourceSchema,
  enteredBy: v.nullable(v.pipe(v.string(), v.maxLength(300))),
  /** Values entered on top of an older version than the one that stands, waiting for someone to choose. */
  conflicts: v.array(v.object({ ...ConflictAuthorSchema.entries, value: v.number(), comment: v.nullable(LongTextSchema) })),
});
export type Outcome = v.InferOutput<typeof OutcomeSchema>;
