import * as v from 'valibot';
import { IsoDateSchema, KeySchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { PlanKoladaSchema } from './kolada.ts';
import { ClosuresSchema, MonthlyDeadlineDaySchema, ReportPointsSchema } from './calendar.ts';
import { LongTextSchema, NameSchema } from './text.ts';

export const PlanStateSchema = v.picklist(['draft', 'adopted']);
export type PlanState = v.InferOutput<typeof PlanStateSchema>;

/** The scale a plan assesses its goals on: the delårsrapport's trend words, or fulfilment. */
export const AssessmentScaleSchema = v.picklist(['trend', 'fulfilment']);
export type AssessmentScale = v.InferOutput<typeof AssessmentScaleSchema>;

const YearSchema = v.pipe(v.number(), v.integer(), v.minValue(2000, 'Ogiltigt år.'), v.maxValue(2100, 'Ogiltigt år.'));

export const PlanSchema = v.pipe(
  v.object({
    ...SyncMetaSchema.entries,
    key: KeySchema,
    name: NameSchema,
    unitId: UuidSchema,
    startYear: YearSchema,
    endYear: YearSchema,
    state: PlanStateSchema,
    adoptedBy: v.nullable(NameSchema),
    adoptedAt: v.nullable(IsoDateSchema),
    assessmentScale: AssessmentScaleSchema,
    source: v.nullable(LongTextSchema),
    /** When the plan is reported; absent on plans stored before calendars, which follow the usual one. */
    reportPoints: v.optional(ReportPointsSchema, []),
    monthlyDeadlineDay: v.optional(v.nullable(MonthlyDeadlineDaySchema), null),
    /** The report points closed for writing; a plan never closed has none. */
    closures: v.optional(ClosuresSchema, []),
    /** Where the plan's figures are in Kolada; absent until a controller says. */
    kolada: v.optional(v.nullable(PlanKoladaSchema), null),
  }),
  v.check((plan) => plan.endYear >= plan.startYear, 'Planens slutår kan inte ligga före startåret.'),
);
export type Plan = v.InferOutput<typeof PlanSchema>;
