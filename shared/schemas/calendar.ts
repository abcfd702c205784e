import * as v from 'valibot';
import { IsoDateSchema, IsoTimestampSchema, UuidSchema } from './common.ts';
import { PeriodSchema } from './period.ts';
import { ShortTextSchema } from './text.ts';

/**
 * One point at which a plan is reported: the interval it covers (as a period code: `2025-T1` for
 * January–April, `2025-05..08` for May–August, `2025` for the year), what it is called and its deadline.
 */
export const ReportPointSchema = v.object({
  period: PeriodSchema,
  name: v.pipe(ShortTextSchema, v.minLength(1, 'Ge rapporteringstillfället ett namn, till exempel Delår 1.')),
  deadline: IsoDateSchema,
});
export type ReportPoint = v.InferOutput<typeof ReportPointSchema>;

/** A plan's reporting calendar: a handful of points a year, over at most a few years. */
export const REPORT_POINTS_MAX = 100;
export const ReportPointsSchema = v.pipe(v.array(ReportPointSchema), v.maxLength(REPORT_POINTS_MAX, `Högst ${REPORT_POINTS_MAX} rapporteringstillfällen.`));

/** The day of the following month by which a month's outcomes are due, where indicators are reported monthly. */
export const MonthlyDeadlineDaySchema = v.pipe(v.number(), v.integer(), v.minValue(1, 'Dagen måste vara 1–28.'), v.maxValue(28, 'Dagen måste vara 1–28.'));

/**
 * A report point a controller has closed: from then on nothing dated to its period is written, so that
 * the report of it stops moving. Reopening removes it (the audit log keeps both, with the reason).
 */
export const ClosureSchema = v.object({
  period: PeriodSchema,
  closedAt: IsoTimestampSchema,
  closedById: UuidSchema,
  closedBy: ShortTextSchema,
});
export type Closure = v.InferOutput<typeof ClosureSchema>;
export const ClosuresSchema = v.pipe(v.array(ClosureSchema), v.maxLength(REPORT_POINTS_MAX));
