import * as v from 'valibot';
import { issuePath } from '@shared/schemas/messages.ts';
import type { RecordInput } from '@shared/schemas/entities.ts';
import type { ImportCount, ImportProblem, ImportReport } from '@shared/schemas/importReport.ts';
import { ImportPlanDocumentSchema, type ImportPlanDocument } from '@shared/schemas/planImport.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { existingIds, storedData } from '../../db/planRecords.ts';
import { putRecords } from '../../db/records.ts';
import type { Locate } from '../planFile/toDocument.ts';
import { buildPlan, PLAN_KINDS, STRUCTURE_KINDS, type BuiltPlan, type PlanKind } from './buildPlan.ts';
import { loadExistingPlan, type ExistingPlan } from './existingPlan.ts';

const KIND_LABEL: Record<PlanKind, string> = {
  unit: 'Enheter',
  plan: 'Plan',
  perspective: 'Perspektiv',
  focusArea: 'Insatsområden',
  assignment: 'Uppdrag',
  goal: 'Mål',
  goalAssessment: 'Bedömningar',
  indicator: 'Indikatorer',
  outcome: 'Utfall',
  activity: 'Aktiviteter',
  activityUpdate: 'Aktiviteternas historik',
};

export interface ImportOptions {
  /** Only tell what would happen. */
  dryRun: boolean;
  /** Take the plan's records that the file no longer has out of the plan (their outcomes and history stay). */
  removeMissing: boolean;
  /** Who imports, as outcomes they change will say. */
  importer: string;
  /** Refuses (throws) when the importer may not make this import; `written` are the ids it creates or changes. */
  authorize?: (built: BuiltPlan, existing: ExistingPlan, written: ReadonlySet<string>) => void;
  /** The audit line of an applied import, in its transaction. */
  audit?: (tx: Queryable, report: ImportReport) => Promise<void>;
}

export interface ImportOutcome {
  report: ImportReport;
  /** How many records the import wrote (0 for a dry run, or when nothing changed). */
  changed: number;
}

/** JSON with its keys in order, so that two records compare by content, as the database compares them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
const contentOf = (record: Record<string, unknown>) => {
  const { id: _id, version: _version, seq: _seq, ...data } = record;
  return canonical(data);
};

function problemsOfSchema(issues: v.BaseIssue<unknown>[], locate: Locate): ImportProblem[] {
  return issues.map((issue) => {
    const path = issue.path?.map((p) => p.key as string | number) ?? [];
    const allowed = issue.type === 'picklist' && issue.expected ? ` Välj ${issue.expected.replaceAll(' | ', ', ').replace(/[()]/g, '')}.` : '';
    return { severity: 'error' as const, ...locate(path), message: `${issue.message}${allowed}`.replace(/^Saknas\.$/, `${issuePath(issue) ?? 'Fältet'} saknas.`) };
  });
}

/**
 * Imports a plan document, or tells what importing it would do: every problem of the document at once,
 * and what would be created, changed and taken out. Nothing is written while there is an error, and only
 * when not a dry run; then in one transaction with one audit line. The same file twice changes nothing.
 */
export async function importPlanDocument(db: Database, raw: unknown, locate: Locate, options: ImportOptions): Promise<ImportOutcome> {
  const parsed = v.safeParse(ImportPlanDocumentSchema, raw, { abortEarly: false });
  if (!parsed.success) {
    return { report: { applied: false, planId: null, planName: null, organisation: null, problems: problemsOfSchema(parsed.issues, locate), counts: [], missing: [] }, changed: 0 };
  }
  const doc: ImportPlanDocument = parsed.output;
  const rootKey = doc.units.find((u) => u.parent === null)?.key ?? '';
  const existing = await loadExistingPlan(db, rootKey, doc.plan.key);
  const built = buildPlan(doc, existing, locate, options.importer);

  const now = new Date().toISOString();
  const missing = STRUCTURE_KINDS.flatMap((kind) => {
    const inFile = new Set((built.records[kind] as { key: string }[]).map((r) => r.key));
    return [...existing.byKey[kind]]
      .filter(([key, { data }]) => !inFile.has(key) && !(data as { removedAt?: string | null }).removedAt)
      .map(([key, { id, data }]) => ({ kind, key, id, data: data as Record<string, unknown> }));
  });
  const removals = options.removeMissing ? missing.map((m) => ({ kind: m.kind, record: { ...m.data, removedAt: now } as unknown as RecordInput<PlanKind> })) : [];

  const stored = await storedData(db, PLAN_KINDS.flatMap((kind) => built.records[kind].map((r) => r.id)));
  const written = new Set<string>(removals.map((r) => r.record.id));
  const counts: ImportCount[] = PLAN_KINDS.map((kind) => {
    const count: ImportCount = { kind: KIND_LABEL[kind], created: 0, changed: 0, unchanged: 0, missing: missing.filter((m) => m.kind === kind).length, removed: removals.filter((r) => r.kind === kind).length };
    for (const record of built.records[kind] as Record<string, unknown>[]) {
      const before = stored.get(record.id as string);
      if (!before || before.deleted) count.created++;
      else if (canonical(before.data) !== contentOf(record)) count.changed++;
      else count.unchanged++;
      if (!before || before.deleted || canonical(before.data) !== contentOf(record)) written.add(record.id as string);
    }
    return count;
  }).filter((c) => c.created + c.changed + c.unchanged + c.missing > 0);
  options.authorize?.(built, existing, written);

  const problems = [...built.problems, ...(missing.length > 0 && !options.removeMissing ? [missingWarning(missing.length)] : [])];
  const report: ImportReport = {
    applied: false,
    planId: built.planId,
    planName: doc.plan.name,
    organisation: built.organisation.name,
    problems,
    counts,
    missing: missing.map((m) => ({ kind: KIND_LABEL[m.kind], key: m.key, label: labelOf(m.data) })),
  };
  if (options.dryRun || problems.some((p) => p.severity === 'error')) return { report, changed: 0 };

  const changed = await db.transaction(async (tx) => {
    let written = 0;
    for (const kind of PLAN_KINDS) {
      let records = [...built.records[kind], ...removals.filter((r) => r.kind === kind).map((r) => r.record)] as RecordInput<PlanKind>[];
      // History only grows: an entry already there is never written over.
      if (kind === 'activityUpdate') {
        const there = await existingIds(tx, records.map((r) => r.id));
        records = records.filter((r) => !there.has(r.id));
      }
      written += (await putRecords(tx, kind, records)).length;
    }
    const applied = { ...report, applied: true };
    await options.audit?.(tx, applied);
    return written;
  });
  return { report: { ...report, applied: true }, changed };
}

const missingWarning = (n: number): ImportProblem => ({
  severity: 'warning',
  sheet: 'Planen',
  row: null,
  column: null,
  message: `${n === 1 ? '1 post' : `${n} poster`} i planen saknas i filen. De finns kvar tills du väljer att ta bort dem; deras utfall och historik behålls.`,
});

const labelOf = (data: Record<string, unknown>) => String(data.title ?? data.name ?? data.code ?? data.key ?? '');
