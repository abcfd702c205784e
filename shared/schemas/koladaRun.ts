import * as v from 'valibot';
import { IsoTimestampSchema } from './common.ts';

/** One indicator's part of a fetch from Kolada, as the controller is told it. */
export const IndicatorRunSchema = v.object({
  indicatorId: v.string(),
  name: v.string(),
  kpi: v.string(),
  outcome: v.picklist(['fetched', 'withdrawn', 'failed', 'skipped']),
  written: v.number(),
  missing: v.number(),
  message: v.nullable(v.string()),
});
export type IndicatorRun = v.InferOutput<typeof IndicatorRunSchema>;

/** A fetch from Kolada: when it began and ended (null while it runs), who began it, and each indicator's result so far. */
export const KoladaRunSchema = v.object({
  id: v.string(),
  startedAt: IsoTimestampSchema,
  finishedAt: v.nullable(IsoTimestampSchema),
  running: v.boolean(),
  startedBy: v.string(),
  indicators: v.array(IndicatorRunSchema),
});
export type KoladaRun = v.InferOutput<typeof KoladaRunSchema>;
export const KoladaRunResponseSchema = v.object({ run: v.nullable(KoladaRunSchema) });
