import { v5 as uuidv5 } from 'uuid';
import type { EntityName, RecordInput } from '@shared/schemas/entities.ts';
import type { ImportPlanDocument } from '@shared/schemas/planImport.ts';
import { parseMeasuredValue } from '@shared/logic/measuredValue.ts';
import { parseTarget } from '@shared/logic/target.ts';
import { periodEnd } from '@shared/logic/period.ts';
import { assessmentId, outcomeId } from '@shared/logic/recordIds.ts';
import type { Database } from '../db/database.ts';
import { putRecords } from '../db/records.ts';

/** Fixed namespace: the same plan key and record key give the same id on every server, so re-imports update. */
const ID_NAMESPACE = '6f1d3c1e-4b8a-4f0e-9d52-8a3e2b7c9d10';

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`Planen kunde inte importeras: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (och ${problems.length - 5} till)` : ''}`);
  }
}

export interface ImportResult {
  planId: string;
  changed: number;
}

/**
 * Imports one plan document: resolves its readable keys to ids, parses targets and values once, and
 * writes everything in one transaction. Importing the same document again changes nothing.
 */
export async function importPlan(db: Database, doc: ImportPlanDocument): Promise<ImportResult> {
  const problems: string[] = [];
  const planKey = doc.plan.key;
  const idFor = (entity: EntityName, key: string) => uuidv5(`${entity}:${entity === 'unit' ? '' : planKey}:${key}`, ID_NAMESPACE);
  const resolver = (entity: EntityName, keys: Iterable<string>, label: string) => {
    const known = new Set(keys);
    return (key: string, where: string) => {
      if (!known.has(key)) problems.push(`${where} hänvisar till ${label} "${key}" som inte finns.`);
      return idFor(entity, key);
    };
  };
  const existingUnits = await db.query<{ key: string }>(`SELECT data->>'key' AS key FROM records WHERE entity = 'unit' AND NOT deleted`);
  const unit = resolver('unit', [...existingUnits.map((row) => row.key), ...doc.units.map((u) => u.key)], 'enheten');
  const goal = resolver('goal', doc.goals.map((g) => g.key), 'målet');
  const perspective = resolver('perspective', doc.perspectives.map((p) => p.key), 'perspektivet');
  const focusArea = resolver('focusArea', doc.focusAreas.map((f) => f.key), 'insatsområdet');
  const assignment = resolver('assignment', doc.assignments.map((a) => a.key), 'uppdraget');
  const indicatorByKey = new Map<string, RecordInput<'indicator'>>();

  const planId = idFor('plan', planKey);
  const measured = (text: string, where: string) => {
    const parsed = parseMeasuredValue(text);
    if (!parsed) problems.push(`${where}: "${text}" är inget tal.`);
    return parsed?.value ?? 0;
  };

  const units: RecordInput<'unit'>[] = doc.units.map((u) => ({
    id: idFor('unit', u.key),
    key: u.key,
    name: u.name,
    shortName: u.shortName,
    parentId: u.parent ? unit(u.parent, `Enheten ${u.name}`) : null,
    kind: u.kind,
  }));
  const plan: RecordInput<'plan'> = {
    id: planId,
    key: planKey,
    name: doc.plan.name,
    unitId: unit(doc.plan.unit, 'Planen'),
    startYear: doc.plan.startYear,
    endYear: doc.plan.endYear,
    state: doc.plan.state,
    adoptedBy: doc.plan.adoptedBy,
    adoptedAt: doc.plan.adoptedAt,
    assessmentScale: doc.plan.assessmentScale,
    source: doc.plan.source,
  };
  const perspectives: RecordInput<'perspective'>[] = doc.perspectives.map((p) => ({ id: idFor('perspective', p.key), planId, ...p }));
  const focusAreas: RecordInput<'focusArea'>[] = doc.focusAreas.map((f) => ({ id: idFor('focusArea', f.key), planId, ...f }));
  const assignments: RecordInput<'assignment'>[] = doc.assignments.map(({ givenTo, ...a }) => ({
    id: idFor('assignment', a.key),
    planId,
    ...a,
    givenToUnitId: unit(givenTo, `Uppdraget ${a.code ?? a.key}`),
  }));
  const goals: RecordInput<'goal'>[] = doc.goals.map((g) => ({
    id: idFor('goal', g.key),
    planId,
    key: g.key,
    title: g.title,
    description: g.description,
    level: g.level,
    perspectiveId: g.perspective ? perspective(g.perspective, `Målet ${g.title}`) : null,
    parentId: g.parent ? goal(g.parent, `Målet ${g.title}`) : null,
    unitId: unit(g.unit, `Målet ${g.title}`),
    order: g.order,
  }));
  for (const i of doc.indicators) {
    const where = `Indikatorn ${i.name}`;
    const indicator: RecordInput<'indicator'> = {
      id: idFor('indicator', i.key),
      planId,
      key: i.key,
      name: i.name,
      goalIds: i.goals.map((key) => goal(key, where)),
      unitId: unit(i.unit, where),
      measure: i.measure,
      direction: i.direction,
      targetText: i.target,
      target: i.target ? parseTarget(i.target) : null,
      targetNote: i.targetNote,
      baseline: i.baseline
        ? {
            value: i.baseline.value ? (parseMeasuredValue(i.baseline.value)?.value ?? null) : null,
            text: i.baseline.value,
            period: i.baseline.period,
            note: i.baseline.note,
          }
        : null,
      frequencies: i.frequencies,
      source: i.source,
      subSeries: (i.subSeries ?? []).map((s) => ({ key: s.key, name: s.name, targetText: s.target, target: s.target ? parseTarget(s.target) : null })),
      genderBreakdown: i.genderBreakdown,
      description: i.description,
      order: i.order,
    };
    indicatorByKey.set(i.key, indicator);
  }
  const outcomes: RecordInput<'outcome'>[] = doc.outcomes.map((o) => {
    const indicator = indicatorByKey.get(o.indicator);
    if (!indicator) problems.push(`Ett utfall för ${o.period} hänvisar till indikatorn "${o.indicator}" som inte finns.`);
    if (o.subSeries && indicator && !indicator.subSeries.some((s) => s.key === o.subSeries)) {
      problems.push(`Utfallet för ${indicator.name} ${o.period} hänvisar till delserien "${o.subSeries}" som inte finns.`);
    }
    const where = `Utfallet för ${indicator?.name ?? o.indicator} ${o.period}`;
    return {
      id: outcomeId(idFor('indicator', o.indicator), o.period, o.subSeries, o.gender),
      indicatorId: idFor('indicator', o.indicator),
      unitId: indicator?.unitId ?? plan.unitId,
      subSeriesKey: o.subSeries,
      gender: o.gender,
      period: o.period,
      value: measured(o.value, where),
      nationalAverage: o.nationalAverage ? measured(o.nationalAverage, `Rikssnittet i ${where.toLowerCase()}`) : null,
      comment: o.comment,
      source: o.source,
      enteredBy: null,
      conflicts: [],
    };
  });
  const goalUnit = new Map(goals.map((g) => [g.id, g.unitId]));
  const goalAssessments: RecordInput<'goalAssessment'>[] = doc.goalAssessments.map((a) => {
    const goalId = goal(a.goal, `Bedömningen för ${a.period}`);
    return {
      id: assessmentId(goalId, a.period),
      goalId,
      unitId: goalUnit.get(goalId) ?? plan.unitId,
      period: a.period,
      assessment: a.assessment,
      analysis: a.analysis,
      conflicts: [],
    };
  });
  const activities: RecordInput<'activity'>[] = doc.activities.map((a) => {
    const where = `Aktiviteten ${a.number} ${a.title}`;
    return {
      id: idFor('activity', a.key),
      planId,
      key: a.key,
      number: a.number,
      title: a.title,
      description: a.description,
      focusAreaId: a.focusArea ? focusArea(a.focusArea, where) : null,
      assignmentIds: a.assignments.map((key) => assignment(key, where)),
      goalIds: a.goals.map((key) => goal(key, where)),
      unitId: unit(a.unit, where),
      responsible: a.responsible,
      timeline: a.timeline,
      milestone: a.milestone,
      accessibilityPlan: a.accessibilityPlan,
      status: a.status,
      statusParts: a.statusParts,
      latestComment: a.comment,
      statusPeriod: a.statusPeriod,
      order: a.order,
      conflicts: [],
    };
  });
  // A reported status is history too: it enters as the activity's first update, dated to its period's end.
  const author = `Import: ${doc.plan.source ?? doc.plan.name}`.slice(0, 300);
  const updates: RecordInput<'activityUpdate'>[] = activities
    .filter((a) => a.status || a.latestComment)
    .map((a) => ({
      id: idFor('activityUpdate', `${a.key}/import/${a.statusPeriod ?? ''}`),
      activityId: a.id,
      unitId: a.unitId,
      authorName: author,
      authorId: null,
      createdAt: a.statusPeriod ? periodEnd(a.statusPeriod).toISOString() : `${doc.plan.startYear}-01-01T00:00:00.000Z`,
      writtenAt: null,
      fromStatus: null,
      toStatus: a.status,
      statusParts: a.statusParts,
      text: a.latestComment,
      period: a.statusPeriod,
      conflict: false,
    }));

  checkUnique(problems, 'enheter', units.map((u) => u.key));
  checkUnique(problems, 'mål', goals.map((g) => g.key));
  checkUnique(problems, 'indikatorer', doc.indicators.map((i) => i.key));
  checkUnique(problems, 'aktiviteter', activities.map((a) => a.key));
  checkUnique(problems, 'utfall', outcomes.map((o) => o.id));
  if (problems.length > 0) throw new ImportError(problems);

  const changed = await db.transaction(async (tx) => {
    let count = 0;
    count += (await putRecords(tx, 'unit', units)).length;
    count += (await putRecords(tx, 'plan', [plan])).length;
    count += (await putRecords(tx, 'perspective', perspectives)).length;
    count += (await putRecords(tx, 'focusArea', focusAreas)).length;
    count += (await putRecords(tx, 'assignment', assignments)).length;
    count += (await putRecords(tx, 'goal', goals)).length;
    count += (await putRecords(tx, 'goalAssessment', goalAssessments)).length;
    count += (await putRecords(tx, 'indicator', [...indicatorByKey.values()])).length;
    count += (await putRecords(tx, 'outcome', outcomes)).length;
    count += (await putRecords(tx, 'activity', activities)).length;
    count += (await putRecords(tx, 'activityUpdate', updates)).length;
    return count;
  });
  return { planId, changed };
}

function checkUnique(problems: string[], label: string, keys: string[]) {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) problems.push(`Nyckeln "${key}" förekommer två gånger bland ${label}.`);
    seen.add(key);
  }
}
