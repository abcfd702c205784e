import * as v from 'valibot';
import { SyncMetaSchema, UuidSchema } from './common.ts';
import { FigureTablesSchema } from './figureTable.ts';
import { PeriodSchema } from './period.ts';
import { LongTextSchema, NameSchema } from './text.ts';

/** The sections a delårsrapport opens with, as the 2024 report has them; a controller may add more. */
export const USUAL_SECTIONS = ['Inledning', 'Perioden i siffror', 'Värt att notera'] as const;
export const SECTIONS_MAX = 20;

export const NarrativeSectionSchema = v.object({
  title: NameSchema,
  text: v.pipe(LongTextSchema, v.trim()),
});
export type NarrativeSection = v.InferOutput<typeof NarrativeSectionSchema>;
export const NarrativeSectionsSchema = v.pipe(v.array(NarrativeSectionSchema), v.maxLength(SECTIONS_MAX, `Högst ${SECTIONS_MAX} avsnitt.`));

/**
 * What a controller writes for one report of a plan (a report point): the narrative sections, in order.
 * One record per plan and period, under an id derived from both; synced to everyone who reads the plan.
 */
export const ReportSchema = v.object({
  ...SyncMetaSchema.entries,
  planId: UuidSchema,
  unitId: UuidSchema,
  period: PeriodSchema,
  sections: NarrativeSectionsSchema,
  /** Tables of figures the data does not hold (production, effekthemtagning), after the sections. */
  tables: v.optional(FigureTablesSchema, []),
  updatedBy: v.nullable(NameSchema),
});
export type Report = v.InferOutput<typeof ReportSchema>;

/** A controller's sections and tables as sent; `baseVersion` is the version they edited (null for the first). */
export const ReportWriteSchema = v.object({
  sections: NarrativeSectionsSchema,
  tables: v.optional(FigureTablesSchema, []),
  baseVersion: v.nullable(v.pipe(v.number('Ange vilken version ändringen bygger på.'), v.integer(), v.minValue(1))),
});
export type ReportWrite = v.InferOutput<typeof ReportWriteSchema>;

/** What saving the sections answers: the report record as it now stands. */
export const ReportResponseSchema = v.object({ report: ReportSchema });

/** The versions a report was frozen as, the newest first (what the report's `.json` download lists). */
export const ReportVersionsSchema = v.object({
  versions: v.array(v.object({ version: v.number(), frozenAt: v.string(), frozenBy: v.string() })),
});
