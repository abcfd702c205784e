import * as v from 'valibot';
import { ActivityStatusSchema, StatusPartsSchema } from './activity.ts';
import { MonthlyDeadlineDaySchema } from './calendar.ts';
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
 * ("20,2 %", "15:01"). The importer turns keys into ids and parses the text once. The spreadsheet template
 * and its CSV form are read into this same document. See server/demo/FORMAT.md.
 */
const nullableText = (schema: typeof ShortTextSchema | typeof LongTextSchema) => v.optional(v.nullable(schema), null);

export const ImportUnitSchema = v.object({
  key: KeySchema,
  name: NameSchema,
  shortName: nullableText(ShortTextSchema),
  parent: v.optional(v.nullable(KeySchema), null),
  kind: UnitKindSchema,
});

const MonthSchema = v.pipe(v.string('Skriv månaden som ÅÅÅÅ-MM.'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Skriv månaden som ÅÅÅÅ-MM, till exempel 2025-04.'));
const YearSchema = v.pipe(v.number('Skriv året med fyra siffror.'), v.integer('Skriv året med fyra siffror.'), v.minValue(2000, 'Året måste vara 2000 eller senare.'), v.maxValue(2100, 'Året måste vara 2100 eller tidigare.'));

/** A report point as a planner writes it: what it is called, the months it covers, its deadline. */
export const ImportReportPointSchema = v.object({
  name: v.pipe(ShortTextSchema, v.minLength(1, 'Ge rapporteringstillfället ett namn, till exempel Delår 1 2025.')),
  from: MonthSchema,
  to: MonthSchema,
  deadline: IsoDateSchema,
});

export const ImportPlanSchema = v.object({
  key: KeySchema,
  name: NameSchema,
  unit: KeySchema,
  startYear: YearSchema,
  endYear: YearSchema,
  state: PlanStateSchema,
  adoptedBy: nullableText(ShortTextSchema),
  adoptedAt: v.optional(v.nullable(IsoDateSchema), null),
  assessmentScale: AssessmentScaleSchema,
  source: nullableText(LongTextSchema),
  /** When the plan is reported; none means the usual delår 1, delår 2 and year of each of its years. */
  reportPoints: v.optional(v.array(ImportReportPointSchema), []),
  monthlyDeadlineDay: v.optional(v.nullable(MonthlyDeadlineDaySchema), null),
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
      /** The unit it is directed to (its key), where it names one. */
      givenTo: v.optional(v.nullable(KeySchema), null),
      /** "Riktas till" in words ("alla nämnder och styrelser"), where the plan writes words. */
      givenToText: nullableText(ShortTextSchema),
      periodicity: nullableText(ShortTextSchema),
      endDate: v.optional(v.nullable(IsoDateSchema), null),
      status: nullableText(ShortTextSchema),
      comment: nullableText(LongTextSchema),
    }),
  ),
  goals: v.array(
    v.object({
      key: KeySchema,
      number: nullableText(ShortTextSchema),
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
      statusParts: v.optional(v.nullable(StatusPartsSchema), null),
      comment: nullableText(LongTextSchema),
      statusPeriod: v.optional(v.nullable(PeriodSchema), null),
      ...ordered,
    }),
  ),
});
export type ImportPlanDocument = v.InferOutput<typeof ImportPlanDocumentSchema>;
export type ImportPlanDocumentInput = v.InferInput<typeof ImportPlanDocumentSchema>;
