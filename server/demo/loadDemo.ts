import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { ImportPlanDocumentSchema, type ImportPlanDocument } from '@shared/schemas/planImport.ts';
import type { Database } from '../db/database.ts';
import { jsonLocate } from '../lib/planFile/readPlanFile.ts';
import { importPlanDocument } from '../lib/planImport/importPlan.ts';
import { exampleOutcomes } from './exampleSeries.ts';

/** The real plans the demo is made of, in import order. */
const DEMO_FILES = ['plan-2024.json', 'plan-2025-2027.json'];
/** The plan whose indicators get generated example history (the 2024 plan has the report's real outcomes). */
const EXAMPLE_HISTORY_PLAN = 'hsf-forvaltningsplan-2025-2027';

export function readDemoDocument(file: string): ImportPlanDocument {
  const raw: unknown = JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'));
  return v.parse(ImportPlanDocumentSchema, raw);
}

export function demoDocuments(): ImportPlanDocument[] {
  return DEMO_FILES.map((file) => {
    const doc = readDemoDocument(file);
    if (doc.plan.key !== EXAMPLE_HISTORY_PLAN) return doc;
    return { ...doc, outcomes: [...doc.outcomes, ...exampleOutcomes(doc.indicators)] };
  });
}

/**
 * Imports a document as a plan file would be, through the same importer: refused, with its problems
 * listed, if it has an error. Returns how many records it wrote.
 */
export async function importDemoDocument(db: Database, doc: unknown): Promise<{ planId: string; changed: number }> {
  const { report, changed } = await importPlanDocument(db, doc, jsonLocate, { dryRun: false, removeMissing: false, importer: 'Import' });
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !report.planId) throw new Error(`Planen kunde inte importeras: ${errors.map((p) => `${p.sheet} ${p.row ?? ''} ${p.column ?? ''}: ${p.message}`).join('\n')}`);
  return { planId: report.planId, changed };
}

/** Loads the demo plans into a database that has no plan yet; returns how many records were written. */
export async function loadDemoIfEmpty(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE entity = 'plan'`);
  if ((row?.n ?? 0) > 0) return 0;
  let changed = 0;
  for (const doc of demoDocuments()) changed += (await importDemoDocument(db, doc)).changed;
  return changed;
}
