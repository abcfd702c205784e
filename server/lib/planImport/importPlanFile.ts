import type { ImportReport } from '@shared/schemas/importReport.ts';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { auditBy } from '../audit.ts';
import { fail } from '../errors.ts';
import { readPlanFile, UnreadableFile } from '../planFile/readPlanFile.ts';
import { importPlanDocument } from './importPlan.ts';
import { assertMayImport } from './importRights.ts';

/** The largest plan file accepted: a region's plan with years of outcomes is a few hundred kilobytes. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * A plan file uploaded by a person: read whatever its format, checked, and imported (or only tried, in a
 * dry run) with their rights, one audit line naming the file and what the import did.
 */
export async function importPlanFile(db: Database, bytes: Uint8Array, options: { fileName: string; dryRun: boolean; removeMissing: boolean; actor: Actor }): Promise<ImportReport> {
  const read = await readPlanFile(bytes).catch((error: unknown) => (error instanceof UnreadableFile ? fail(400, 'unreadable_file', error.message) : Promise.reject(error)));
  // A cell that could not be read is an error even where the document would do without its value.
  const unreadCells = read.problems.some((p) => p.severity === 'error');
  const { report } = await importPlanDocument(db, read.doc, read.locate, {
    dryRun: options.dryRun || unreadCells,
    removeMissing: options.removeMissing,
    importer: options.actor.access.user.name,
    authorize: (built, existing, written) => assertMayImport(options.actor.access, built, existing, written),
    audit: (tx, applied) =>
      auditBy(tx, options.actor, {
        action: 'plan.import',
        entity: 'plan',
        recordId: applied.planId,
        unitId: null,
        detail: { file: options.fileName, format: read.format, removeMissing: options.removeMissing, counts: applied.counts },
      }),
  });
  // A cell that could not be read is also missing from the document: said once, as what was wrong with the cell.
  const at = (p: ImportReport['problems'][number]) => `${p.sheet}/${p.row}/${p.column}`;
  const unreadable = new Set(read.problems.map(at));
  return { ...report, problems: [...read.problems, ...report.problems.filter((p) => !unreadable.has(at(p)))] };
}
