import * as v from 'valibot';
import { KeySchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LongTextSchema, NameSchema, ShortTextSchema } from './text.ts';
import { FrequencySchema, PeriodSchema } from './period.ts';
import { DirectionSchema, TargetSchema } from './target.ts';

export const MeasureSchema = v.picklist(['%', 'antal', 'minuter', 'dagar', 'kr/tim', 'kr', 'mnkr', 'index', 'poäng', 'kvot']);
export type Measure = v.InferOutput<typeof MeasureSchema>;

export const IndicatorSourceSchema = v.object({
  kind: v.picklist(['internal', 'kolada', 'vardenisiffror', 'vantetider', 'patientenkat', 'other']),
  koladaKpi: v.nullable(v.pipe(v.string(), v.regex(/^[NU]\d{5}$/, 'Ett Kolada-id skrivs som N71019.'))),
  name: v.nullable(ShortTextSchema),
});
export type IndicatorSource = v.InferOutput<typeof IndicatorSourceSchema>;

/**
 * The target is kept twice on purpose: `targetText` exactly as the plan writes it (what people read and
 * recognise) and `target`, parsed once at import, which is what evaluation runs on.
 */
const TargetFieldsSchema = v.object({
  targetText: v.nullable(ShortTextSchema),
  target: v.nullable(TargetSchema),
});

export const SubSeriesSchema = v.object({
  key: KeySchema,
  name: NameSchema,
  ...TargetFieldsSchema.entries,
});
export type SubSeries = v.InferOutput<typeof SubSeriesSchema>;

export const BaselineSchema = v.object({
  value: v.nullable(v.number()),
  text: v.nullable(ShortTextSchema),
  period: v.nullable(PeriodSchema),
  note: v.nullable(LongTextSchema),
});
export type Baseline = v.InferOutput<typeof BaselineSchema>;

export const IndicatorSchema = v.object({
  ...SyncMetaSchema.entries,
  planId: UuidSchema,
  key: KeySchema,
  name: NameSchema,
  goalIds: v.array(UuidSchema),
  unitId: UuidSchema,
  measure: MeasureSchema,
  direction: DirectionSchema,
  ...TargetFieldsSchema.entries,
  targetNote: v.nullable(ShortTextSchema),
  baseline: v.nullable(BaselineSchema),
  frequencies: v.array(FrequencySchema),
  source: v.nullable(IndicatorSourceSchema),
  subSeries: v.array(SubSeriesSchema),
  genderBreakdown: v.boolean(),
  description: v.nullable(LongTextSchema),
  order: v.number(),
});
export type Indicator = v.InferOutput<typeof IndicatorSchema>;
