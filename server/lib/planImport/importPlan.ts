import * as v from 'valibot';
import { issuePath } from '@shared/schemas/messages.ts';
import type { RecordInput } from '@shared/schemas/entities.ts';
import type { ImportCount, ImportProblem, ImportReport } from '@shared/schemas/importReport.ts';
import { parseTarget } from '@shared/logic/target.ts';
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

function problemsOf(issues: v.BaseIssue<unknown>[], locate: Locate, prefix: (string | number)[] = []): ImportProblem[] {
  return issues.map((issue) => {
    const path = [...prefix, ...(issue.path?.map((p) => p.key as string | number) ?? [])];
    const where = locate(path);
    const allowed = issue.type === 'picklist' && issue.expected ? ` Välj ${issue.expected.replaceAll(' | ', ', ').replace(/[()]/g, '')}.` : '';
    const message = issue.message === 'Saknas.' ? `${where.column ?? issuePath(issue) ?? 'Fältet'} saknas.` : `${issue.message}${allowed}`;
    return { severity: 'error' as const, ...where, message };
  });
}

/**
 * A target that cannot be read, for every indicator and sub-series of the document, readable or not: a
 * target with a number in it that is not one of the forms is an error ("ungefär 80"), one in words is
 * kept as written, with a warning that it cannot be judged by itself.
 */
function targetProblems(raw: unknown, locate: Locate): ImportProblem[] {
  const indicators = (raw as { indicators?: unknown } | null)?.indicators;
  if (!Array.isArray(indicators)) return [];
  const problems: ImportProblem[] = [];
  const check = (text: unknown, path: (string | number)[]) => {
    if (typeof text !== 'string' || !text.trim() || parseTarget(text).kind !== 'text') return;
    const range = /\d\s*[–-]\s*\d/.test(text);
    problems.push(
      range
        ? { severity: 'warning', ...locate(path), message: `Målvärdet "${text}" är ett intervall: det visas som det står, men om målet nås kan inte bedömas av sig självt. Skriv en gräns, till exempel "minst 75 %", för att få det bedömt.` }
        : /\d/.test(text)
        ? { severity: 'error', ...locate(path), message: `Målvärdet "${text}" går inte att tolka. Skriv till exempel "80 %", "<4 %", "Öka", "Minska 2 %", "Bättre än rikssnittet" eller lämna tomt.` }
        : { severity: 'warning', ...locate(path), message: `Målvärdet "${text}" är en beskrivning: den visas som den står, men om målet nås kan inte bedömas av sig självt.` },
    );
  };
  indicators.forEach((indicator: { target?: unknown; subSeries?: unknown } | null, index) => {
    check(indicator?.target, ['indicators', index, 'target']);
    if (Array.isArray(indicator?.subSeries)) indicator.subSeries.forEach((s: { target?: unknown } | null, j: number) => check(s?.target, ['indicators', index, 'subSeries', j, 'target']));
  });
  return problems;
}

const SECTIONS = ['units', 'perspectives', 'focusAreas', 'assignments', 'goals', 'indicators', 'outcomes', 'goalAssessments', 'activities'] as const;

/**
 * The document checked against its schema, record by record, so that one bad row does not hide the
 * problems of the others: the records that pass are built and checked further (with the positions of
 * their rows kept), the ones that do not are reported and `skipped`. Without a readable plan or organisation
 * there is nothing to build on.
 */
function checkDocument(raw: unknown, locate: Locate): { doc: ImportPlanDocument | null; problems: ImportProblem[]; skipped: Set<string>; locate: Locate } {
  const whole = v.safeParse(ImportPlanDocumentSchema, raw, { abortEarly: false });
  const targets = targetProblems(raw, locate);
  if (whole.success) return { doc: whole.output, problems: targets, skipped: new Set(), locate };
  const input = (raw ?? {}) as Record<string, unknown>;
  const problems: ImportProblem[] = [...targets];
  const skipped = new Set<string>();
  const kept: Record<string, number[]> = {};
  const doc: Record<string, unknown> = {};
  const plan = v.safeParse(ImportPlanDocumentSchema.entries.plan, input.plan, { abortEarly: false });
  if (!plan.success) problems.push(...problemsOf(plan.issues, locate, ['plan']));
  else doc.plan = plan.output;
  for (const section of SECTIONS) {
    const items = Array.isArray(input[section]) ? (input[section] as unknown[]) : null;
    if (!items) {
      problems.push({ severity: 'error', ...locate([section]), message: `${section} saknas i dokumentet.` });
      continue;
    }
    const schema = ImportPlanDocumentSchema.entries[section].item;
    kept[section] = [];
    doc[section] = items.flatMap((item, index) => {
      const result = v.safeParse(schema, item, { abortEarly: false });
      if (result.success) {
        kept[section]!.push(index);
        return [result.output];
      }
      problems.push(...problemsOf(result.issues, locate, [section, index]));
      const key = (item as { key?: unknown } | null)?.key;
      if (typeof key === 'string') skipped.add(`${section}/${key}`);
      return [];
    });
  }
  const readable = doc.plan && kept.units && (doc.units as unknown[]).length === (input.units as unknown[]).length;
  const keptLocate: Locate = (path) => {
    const [section, index, ...rest] = path;
    const at = typeof section === 'string' && typeof index === 'number' ? kept[section]?.[index] : undefined;
    return locate(at === undefined ? path : [section!, at, ...rest]);
  };
  return { doc: readable ? (doc as ImportPlanDocument) : null, problems, skipped, locate: keptLocate };
}

/**
 * Imports a plan document, or tells what importing it would do: every problem of the document at once,
 * and what would be created, changed and taken out. Nothing is written while there is an error, and only
 * when not a dry run; then in one transaction with one audit line. The same file twice changes nothing.
 */
export async function importPlanDocument(db: Database, raw: unknown, locate: Locate, options: ImportOptions): Promise<ImportOutcome> {
  const checked = checkDocument(raw, locate);
  if (!checked.doc) {
    return { report: { applied: false, planId: null, planName: null, organisation: null, problems: checked.problems, counts: [], missing: [] }, changed: 0 };
  }
  const doc: ImportPlanDocument = checked.doc;
  const rootKey = doc.units.find((u) => u.parent === null)?.key ?? '';
  const existing = await loadExistingPlan(db, rootKey, doc.plan.key);
  const built = buildPlan(doc, existing, checked.locate, options.importer, checked.skipped);

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

  const problems = [...checked.problems, ...built.problems, ...(missing.length > 0 && !options.removeMissing ? [missingWarning(missing.length)] : [])];
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
