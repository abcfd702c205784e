import * as v from 'valibot';

/**
 * A reporting period: a year (`2024`), a tertial/delår (`2024-T1`, where T1 = jan–apr, T2 = jan–aug
 * as the delårsrapporter count them, T3 = the full year) or a month (`2024-04`).
 */
export const PeriodSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-T[1-3]|-(0[1-9]|1[0-2]))?$/, 'En period skrivs 2024, 2024-T1 eller 2024-04.'),
);
export type Period = v.InferOutput<typeof PeriodSchema>;

export const PeriodKindSchema = v.picklist(['year', 'tertial', 'month']);
export type PeriodKind = v.InferOutput<typeof PeriodKindSchema>;

export const FrequencySchema = v.picklist(['månad', 'delår', 'år', 'vartannat år', 'vart fjärde år']);
export type Frequency = v.InferOutput<typeof FrequencySchema>;
