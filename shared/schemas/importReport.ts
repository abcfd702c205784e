import * as v from 'valibot';

/**
 * One problem found in a plan file, where the controller sees it in their spreadsheet: the sheet, the
 * row as the spreadsheet numbers it (the header is row 1), the column's heading, and what to do.
 */
export const ImportProblemSchema = v.object({
  severity: v.picklist(['error', 'warning']),
  sheet: v.string(),
  row: v.nullable(v.number()),
  column: v.nullable(v.string()),
  message: v.string(),
});
export type ImportProblem = v.InferOutput<typeof ImportProblemSchema>;

/** What an import does (or, in a dry run, would do) to one kind of record. */
export const ImportCountSchema = v.object({
  kind: v.string(),
  created: v.number(),
  changed: v.number(),
  unchanged: v.number(),
  /** In the plan but not in the file: taken out of the plan only when the controller confirms it. */
  missing: v.number(),
  removed: v.number(),
});
export type ImportCount = v.InferOutput<typeof ImportCountSchema>;

/** A record the file no longer has, named as the controller knows it. */
export const ImportMissingSchema = v.object({ kind: v.string(), key: v.string(), label: v.string() });

/** The answer to an import: every problem at once, and what was (or would be) created, changed and removed. */
export const ImportReportSchema = v.object({
  /** Whether it was written: false for a dry run and for a file with errors. */
  applied: v.boolean(),
  planId: v.nullable(v.string()),
  planName: v.nullable(v.string()),
  organisation: v.nullable(v.string()),
  problems: v.array(ImportProblemSchema),
  counts: v.array(ImportCountSchema),
  missing: v.array(ImportMissingSchema),
});
export type ImportReport = v.InferOutput<typeof ImportReportSchema>;
