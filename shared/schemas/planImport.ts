import * as v from 'valibot';
import { ActivityStatusSchema, StatusPartSchema } from './activity.ts';
import { AssignmentCodeSchema, AssignmentGiverSchema } from './assignment.ts';
import { IsoDateSchema, KeySchema } from './common.ts';
import { LongTextSchema, NameSchema, ShortTextSchema } from './text.ts';
import { AssessmentSchema, GoalLevelSchema } from './goal.ts';
import { IndicatorSourceSchema, MeasureSchema } from './indicator.ts';
import { GenderSchema, OutcomeSourceSchema } from './outcome.ts';
import { AssessmentScaleSchema, PlanStateSchema } from './plan.ts';
import { FrequencySchema, PeriodSchema } from './period.ts';
import { DirectionSchema } from './target.ts';
import { UnitKindSchema } from './unit.ts';

/**
 * A plan as people write it: records refer to each other by readable keys, and numbers stay as written
 * ("20,2 %", "15:01"). The importer turns keys into ids and parses the text once. See server/demo/FORMAT.md.
 */
const nullableText = (schema: typeof ShortTextSchema | typeof LongTextSchema) => v.optional(v.nullable(schema), null);

export const ImportUnitSchema = v.object({
  key: KeySchema,
  name: NameSchema,
  shortName: nullableText(ShortTextSchema),
  parent: v.nullable(KeySchema),
  kind: UnitKindSchema,
});

export const ImportPlanSchema = v.object({
  key: KeySchema,
  name: NameSchema,
  unit: KeySchema,
  startYear: v.pipe(v.number(), v.integer()),
  endYear: v.pipe(v.number(), v.integer()),
  state: PlanStateSchema,
  adoptedBy: nullableText(ShortTextSchema),
  adoptedAt: v.optional(v.nullable(IsoDateSchema), null),
  assessmentScale: AssessmentScaleSchema,
  source: nullableText(LongTextSchema),
});

const ordered = { order: v.optional(v.number(), 0) };

export const ImportPlanDocumentSchema = v.object({
  units: v.array(ImportUnitSchema),
  plan: ImportPlanSchema,
  perspectives: v.array(v.object({ key: KeySchema, name: NameSchema, ...ordered })),
  focusAreas: v.array(v.object({ key: KeySchema, name: NameSchema, description: nullableText(LongTextSchema), ...ordered })),
  assignments: v.array(
    v.object({
      key: KeySchema,
      code: v.optional(v.nullable(AssignmentCodeSchema), null),
      text: nullableText(LongTextSchema),
      givenBy: AssignmentGiverSchema,
      givenTo: KeySchema,
      periodicity: nullableText(ShortTextSchema),
      endDate: v.optional(v.nullable(IsoDateSchema), null),
      status: nullableText(ShortTextSchema),
      comment: nullableText(LongTextSchema),
    }),
  ),
  goals: v.array(
    v.object({
      key: KeySchema,
      title: NameSchema,
      description: nullableText(LongTextSchema),
      level: GoalLevelSchema,
      perspective: v.optional(v.nullable(KeySchema), null),
      parent: v.optional(v.nullable(KeySchema), null),
      unit: KeySchema,
      ...ordered,
    }),
  ),
  indicators: v.array(
    v.object({
      key: KeySchema,
      name: NameSchema,
      goals: v.array(KeySchema),
      unit: KeySchema,
      measure: MeasureSchema,
      direction: DirectionSchema,
      target: nullableText(ShortTextSchema),
      targetNote: nullableText(ShortTextSchema),
      baseline: v.optional(
        v.nullable(
          v.object({
            value: nullableText(ShortTextSchema),
            period: v.optional(v.nullable(PeriodSchema), null),
            note: nullableText(LongTextSchema),
          }),
        ),
        null,
      ),
      frequencies: v.array(FrequencySchema),
      source: v.optional(v.nullable(IndicatorSourceSchema), null),
      subSeries: v.optional(v.nullable(v.array(v.object({ key: KeySchema, name: NameSchema, target: nullableText(ShortTextSchema) }))), null),
      genderBreakdown: v.optional(v.boolean(), false),
      description: nullableText(LongTextSchema),
      ...ordered,
    }),
  ),
  outcomes: v.array(
    v.object({
      indicator: KeySchema,
      subSeries: v.optional(v.nullable(KeySchema), null),
      gender: v.optional(GenderSchema, 'T'),
      period: PeriodSchema,
      value: ShortTextSchema,
      nationalAverage: nullableText(ShortTextSchema),
      comment: nullableText(LongTextSchema),
      /** The trend the source report states; kept so tests can hold our evaluation against it. */
      trend: v.optional(v.nullable(v.picklist(['positiv', 'neutral', 'negativ'])), null),
      source: v.optional(OutcomeSourceSchema, 'import'),
    }),
  ),
  goalAssessments: v.array(
    v.object({ goal: KeySchema, period: PeriodSchema, assessment: AssessmentSchema, analysis: nullableText(LongTextSchema) }),
  ),
  activities: v.array(
    v.object({
      key: KeySchema,
      number: ShortTextSchema,
      title: NameSchema,
      description: nullableText(LongTextSchema),
      focusArea: v.optional(v.nullable(KeySchema), null),
      assignments: v.optional(v.array(KeySchema), []),
      goals: v.optional(v.array(KeySchema), []),
      unit: KeySchema,
      responsible: nullableText(ShortTextSchema),
      timeline: nullableText(ShortTextSchema),
      milestone: v.optional(v.boolean(), false),
      accessibilityPlan: v.optional(v.boolean(), false),
      status: v.optional(v.nullable(ActivityStatusSchema), null),
      statusParts: v.optional(v.nullable(v.array(StatusPartSchema)), null),
      comment: nullableText(LongTextSchema),
      statusPeriod: v.optional(v.nullable(PeriodSchema), null),
      ...ordered,
    }),
  ),
});
export type ImportPlanDocument = v.InferOutput<typeof ImportPlanDocumentSchema>;
export type ImportPlanDocumentInput = v.InferInput<typeof ImportPlanDocumentSchema>;
