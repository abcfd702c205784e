import { KoladaKpiIdSchema } from './kolada.ts';
import * as v from 'valibot';
import { KeySchema, RemovedSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LongTextSchema, NameSchema, ShortTextSchema } from './text.ts';
import { FrequencySchema, PeriodSchema } from './period.ts';
import { DirectionSchema, TargetSchema } from './target.ts';

/** The measures the app formats in their own way; any other is written after the number as it stands. */
export const KNOWN_MEASURES = ['%', 'antal', 'minuter', 'dagar', 'kr/tim', 'kr', 'tkr', 'mnkr', 'index', 'poäng', 'kvot'] as const;
/** What an indicator is measured in: one of the known measures, or the plan's own word (timmar, per 1 000 invånare …). */
export const MeasureSchema = v.pipe(ShortTextSchema, v.minLength(1, 'Ange vad indikatorn mäts i, till exempel %, antal eller dagar.'));
export type Measure = v.InferOutput<typeof MeasureSchema>;

export const INDICATOR_SOURCE_KINDS = ['internal', 'kolada', 'vardenisiffror', 'vantetider', 'patientenkat', 'other'] as const;

export const IndicatorSourceSchema = v.object({
  kind: v.picklist(INDICATOR_SOURCE_KINDS),
  koladaKpi: v.nullable(KoladaKpiIdSchema),
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
  ...RemovedSchema.entries,
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
