import * as v from 'valibot';

/** Whether a higher or a lower value of an indicator is better. */
export const DirectionSchema = v.picklist(['higher', 'lower']);
export type Direction = v.InferOutput<typeof DirectionSchema>;

/**
 * `reach` is a bare number ("85 %", "8 min"): which side of it is good depends on the
 * indicator's direction, so the target alone does not say it.
 */
export const ValueComparatorSchema = v.picklist(['atLeast', 'atMost', 'above', 'below', 'reach']);
export type ValueComparator = v.InferOutput<typeof ValueComparatorSchema>;

export const ChangeDirectionSchema = v.picklist(['increase', 'decrease']);
export type ChangeDirection = v.InferOutput<typeof ChangeDirectionSchema>;

/** "Bättre än rikssnittet" is `better`; "Minst / I nivå med rikssnittet" is `atLeast`. */
export const NationalAverageComparatorSchema = v.picklist(['better', 'atLeast']);
export type NationalAverageComparator = v.InferOutput<typeof NationalAverageComparatorSchema>;

const FiniteNumberSchema = v.pipe(v.number(), v.finite());

export const ValueTargetSchema = v.object({
  kind: v.literal('value'),
  comparator: ValueComparatorSchema,
  value: FiniteNumberSchema,
  measure: v.nullable(v.pipe(v.string(), v.nonEmpty())),
});

export const ChangeTargetSchema = v.object({
  kind: v.literal('change'),
  direction: ChangeDirectionSchema,
  // A magnitude: the sign lives in `direction`, so "-3 %" is { decrease, 3 }.
  amount: v.nullable(v.pipe(FiniteNumberSchema, v.minValue(0))),
  // true: amount is percent of the previous value; false: in the indicator's own measure.
  relative: v.boolean(),
});

export const NationalAverageTargetSchema = v.object({
  kind: v.literal('nationalAverage'),
  comparator: NationalAverageComparatorSchema,
});

/** A målvärde the parser did not understand, kept as written so nothing is lost on import. */
export const TextTargetSchema = v.object({
  kind: v.literal('text'),
  text: v.string(),
});

export const TargetSchema = v.variant('kind', [
  ValueTargetSchema,
  ChangeTargetSchema,
  NationalAverageTargetSchema,
  TextTargetSchema,
]);
export type Target = v.InferOutput<typeof TargetSchema>;
export type ValueTarget = v.InferOutput<typeof ValueTargetSchema>;
export type ChangeTarget = v.InferOutput<typeof ChangeTargetSchema>;

export const TargetStatusSchema = v.picklist(['met', 'close', 'notMet', 'noData']);
export type TargetStatus = v.InferOutput<typeof TargetStatusSchema>;

/** Spelled as the delårsrapport spells it. */
export const TrendSchema = v.picklist(['positiv', 'neutral', 'negativ']);
export type Trend = v.InferOutput<typeof TrendSchema>;

export const TargetEvaluationSchema = v.object({
  status: TargetStatusSchema,
  trend: v.nullable(TrendSchema),
});
export type TargetEvaluation = v.InferOutput<typeof TargetEvaluationSchema>;
