import * as v from 'valibot';
import { ConflictAuthorSchema, KeySchema, RemovedSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LongTextSchema, NameSchema, ShortTextSchema } from './text.ts';
import { PeriodSchema } from './period.ts';

/** The level of the goal in the organisation's own words: Målområde, Regionmål, Förvaltningsmål, Delmål … */
export const GoalLevelSchema = v.pipe(ShortTextSchema, v.minLength(1, 'Ange målets nivå, till exempel Förvaltningsmål.'));
export type GoalLevel = v.InferOutput<typeof GoalLevelSchema>;

export const GoalSchema = v.object({
  ...SyncMetaSchema.entries,
  ...RemovedSchema.entries,
  planId: UuidSchema,
  key: KeySchema,
  /** The goal's own numbering as the plan writes it ("Mål 1.", "1.2"); absent where the plan numbers none. */
  number: v.optional(v.nullable(ShortTextSchema)),
  title: NameSchema,
  description: v.nullable(LongTextSchema),
  level: GoalLevelSchema,
  perspectiveId: v.nullable(UuidSchema),
  /** The goal this one contributes to in the steering chain (e.g. a förvaltningsmål under a resultatmål). */
  parentId: v.nullable(UuidSchema),
  unitId: UuidSchema,
  order: v.number(),
});
export type Goal = v.InferOutput<typeof GoalSchema>;

export const AssessmentSchema = v.picklist(['positiv', 'oförändrad', 'negativ', 'uppfyllt', 'delvis uppfyllt', 'ej uppfyllt']);
export type Assessment = v.InferOutput<typeof AssessmentSchema>;

/** A goal's bedömning for one reporting period, with its analysis. */
export const GoalAssessmentSchema = v.object({
  ...SyncMetaSchema.entries,
  goalId: UuidSchema,
  unitId: UuidSchema,
  period: PeriodSchema,
  assessment: AssessmentSchema,
  analysis: v.nullable(LongTextSchema),
  conflicts: v.array(v.object({ ...ConflictAuthorSchema.entries, assessment: AssessmentSchema, analysis: v.nullable(LongTextSchema) })),
});
export type GoalAssessment = v.InferOutput<typeof GoalAssessmentSchema>;
