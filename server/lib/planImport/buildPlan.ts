import { v5 as uuidv5 } from 'uuid';
import { parseMeasuredValue } from '@shared/logic/measuredValue.ts';
import { periodEnd, periodOfMonths } from '@shared/logic/period.ts';
import { closureStopping } from '@shared/logic/periodClose.ts';
import { assessmentId, outcomeId } from '@shared/logic/recordIds.ts';
import { parseTarget } from '@shared/logic/target.ts';
import { valueBoundsProblem } from '@shared/logic/valueBounds.ts';
import type { EntityName, EntityRecord, RecordInput } from '@shared/schemas/entities.ts';
import type { ImportProblem } from '@shared/schemas/importReport.ts';
import type { ImportPlanDocument } from '@shared/schemas/planImport.ts';
import type { Locate } from '../planFile/toDocument.ts';
import type { ExistingPlan } from './existingPlan.ts';

/** Fixed namespace: the same organisation, plan and record key give the same id on every server. */
const ID_NAMESPACE = '6f1d3c1e-4b8a-4f0e-9d52-8a3e2b7c9d10';

/** The kinds a plan is built of, in the order they are written (a record after those it refers to). */
export const PLAN_KINDS = ['unit', 'plan', 'perspective', 'focusArea', 'assignment', 'goal', 'goalAssessment', 'indicator', 'outcome', 'activity', 'activityUpdate'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
/** The kinds that make up a plan's structure: one missing from a re-import leaves the plan (when confirmed). */
export const STRUCTURE_KINDS = ['perspective', 'focusArea', 'assignment', 'goal', 'indicator', 'activity'] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

export interface BuiltPlan {
  planId: string;
  organisation: { key: string; name: string; exists: boolean };
  records: { [K in PlanKind]: RecordInput<K>[] };
  /** Units the document creates or changes, for the importer's right to do so. */
  unitIds: string[];
  problems: ImportProblem[];
}

/**
 * Turns a checked plan document into the records it stands for, in the organisation it belongs to.
 * Every key is scoped to the organisation at the root of the document's unit tree, so two organisations
 * with identical documents never touch each other's records; a record already there keeps its id and
 * whatever the document does not say about it (who entered a value, conflicts waiting to be settled).
 * Problems a person can fix are collected with the place they are at. `skipped` are records the document
 * has but that could not be read (`indicators/nyckel`): what refers to them is not faulted for it.
 */
export function buildPlan(doc: ImportPlanDocument, existing: ExistingPlan, locate: Locate, importer: string, skipped: ReadonlySet<string> = new Set()): BuiltPlan {
  const problems: ImportProblem[] = [];
  const problem = (path: (string | number)[], message: string, severity: ImportProblem['severity'] = 'error') => problems.push({ severity, ...locate(path), message });

  const roots = doc.units.filter((u) => u.parent === null);
  if (roots.length !== 1) {
    problem(['units'], roots.length === 0 ? 'Ange organisationen: den översta enheten, utan överordnad, på fliken Enheter.' : `Fliken Enheter har ${roots.length} enheter utan överordnad. En plan hör till en organisation: ange överordnad för alla utom den översta.`);
  }
  const root = roots[0] ?? doc.units[0] ?? { key: 'okand', name: 'okänd' };
  const orgKey = root.key;
  const sameOrgRoot = existing.root;
  if (sameOrgRoot && sameOrgRoot.name !== root.name) {
    problem(['units', doc.units.indexOf(root as ImportPlanDocument['units'][number]), 'name'], `Organisationen med nyckeln "${orgKey}" heter ${sameOrgRoot.name} här. Är det en annan organisation, ge den en egen nyckel; är det samma, skriv namnet som det står.`);
  }

  const derived = (entity: EntityName, key: string) => uuidv5(`${entity}:${orgKey}:${entity === 'unit' ? '' : doc.plan.key}:${key}`, ID_NAMESPACE);
  const unitIds = new Map<string, string>([...existing.unitsByKey].map(([key, unit]) => [key, unit.id]));
  for (const u of doc.units) if (!unitIds.has(u.key)) unitIds.set(u.key, derived('unit', u.key));
  const idOf = (entity: StructureKind, key: string) => existing.byKey[entity].get(key)?.id ?? derived(entity, key);

  const known = (entity: StructureKind, keys: Iterable<string>) => new Set(keys);
  const goals = known('goal', doc.goals.map((g) => g.key));
  const perspectives = known('perspective', doc.perspectives.map((p) => p.key));
  const focusAreas = known('focusArea', doc.focusAreas.map((f) => f.key));
  const assignmentKeys = known('assignment', doc.assignments.map((a) => a.key));
  const unitRef = (key: string, path: (string | number)[]) => {
    const id = unitIds.get(key);
    if (!id && !skipped.has(`units/${key}`)) problem(path, `Enheten "${key}" finns inte på fliken Enheter eller i organisationen ${root.name}.`);
    return id ?? derived('unit', key);
  };
  const sectionOf: Record<string, string> = { Mål: 'goals', Perspektiv: 'perspectives', Insatsområden: 'focusAreas', Uppdrag: 'assignments' };
  const ref = (set: Set<string>, key: string, path: (string | number)[], what: string, sheet: string) => {
    if (!set.has(key) && !skipped.has(`${sectionOf[sheet]}/${key}`)) problem(path, `${what} "${key}" finns inte på fliken ${sheet}.`);
  };
  duplicates(doc, problem);

  const planYear = (period: string) => Number(period.slice(0, 4));
  const withinPlan = (period: string) => planYear(period) >= doc.plan.startYear && planYear(period) <= doc.plan.endYear;
  /** A period of a reported value: after the plan's years it cannot be; before them, it is history the plan carries. */
  const reportedPeriod = (period: string, path: (string | number)[]) => {
    if (planYear(period) > doc.plan.endYear) problem(path, `Perioden ligger efter planens sista år (${doc.plan.endYear}).`);
    else if (planYear(period) < doc.plan.startYear) problem(path, `Perioden ligger före planens första år (${doc.plan.startYear}); den visas som historik.`, 'warning');
  };
  if (doc.plan.endYear < doc.plan.startYear) problem(['plan', 'endYear'], 'Slutåret ligger före startåret.');

  const planUnitId = unitRef(doc.plan.unit, ['plan', 'unit']);
  const planId = existing.plan?.id ?? derived('plan', doc.plan.key);
  const reportPoints = doc.plan.reportPoints.map((point, index) => {
    const path = ['plan', 'reportPoints', index];
    const [fromYear, toYear] = [Number(point.from.slice(0, 4)), Number(point.to.slice(0, 4))];
    if (fromYear !== toYear || point.from > point.to) problem([...path, 'to'], 'Till månad ska vara samma år som Från månad, eller senare samma år.');
    const period = periodOfMonths(fromYear, Number(point.from.slice(5)), Number(point.to.slice(5)));
    if (!withinPlan(period)) problem([...path, 'from'], `Perioden ligger utanför planens år (${doc.plan.startYear}–${doc.plan.endYear}).`);
    if (new Date(`${point.deadline}T23:59:59Z`) < periodEnd(period)) problem([...path, 'deadline'], 'Sista dagen ligger före periodens slut. Kontrollera datumet.', 'warning');
    return { period, name: point.name, deadline: point.deadline };
  });
  const pointPeriods = reportPoints.map((p) => p.period);
  if (new Set(pointPeriods).size !== pointPeriods.length) problem(['plan', 'reportPoints'], 'Två rapporteringstillfällen gäller samma period. Ta bort det ena.');
  if (reportPoints.length === 0) problem(['plan', 'reportPoints'], `Fliken Rapportering är tom: planen följs upp vid delår 1, delår 2 och helår varje år, med de vanliga sista dagarna.`, 'warning');

  const units: RecordInput<'unit'>[] = doc.units.map((u, index) => ({
    id: unitIds.get(u.key)!,
    key: u.key,
    name: u.name,
    shortName: u.shortName,
    parentId: u.parent ? unitRef(u.parent, ['units', index, 'parent']) : null,
    kind: u.kind,
  }));
  const plan: RecordInput<'plan'> = {
    id: planId,
    key: doc.plan.key,
    name: doc.plan.name,
    unitId: planUnitId,
    startYear: doc.plan.startYear,
    endYear: doc.plan.endYear,
    state: doc.plan.state,
    adoptedBy: doc.plan.adoptedBy,
    adoptedAt: doc.plan.adoptedAt,
    assessmentScale: doc.plan.assessmentScale,
    source: doc.plan.source,
    reportPoints,
    monthlyDeadlineDay: doc.plan.monthlyDeadlineDay,
    // Closing is done on the plan in Målbild, not in its file.
    closures: existing.plan?.closures ?? [],
    // So is where its figures are in Kolada.
    kolada: existing.plan?.kolada ?? null,
  };
  /** Why a value of a closed period may not change through the file, or null. */
  const closedFor = (period: string) => {
    const stopped = closureStopping(plan, { period, writtenAt: new Date() });
    return stopped ? `${stopped.point.name} är stängd för ändringar. Ta bort raden eller be en controller öppna perioden igen.` : null;
  };
  const perspectiveRecords: RecordInput<'perspective'>[] = doc.perspectives.map((p) => ({ id: idOf('perspective', p.key), planId, key: p.key, name: p.name, order: p.order, removedAt: null }));
  const focusAreaRecords: RecordInput<'focusArea'>[] = doc.focusAreas.map((f) => ({ id: idOf('focusArea', f.key), planId, key: f.key, name: f.name, description: f.description, order: f.order, removedAt: null }));
  const assignmentRecords: RecordInput<'assignment'>[] = doc.assignments.map((a, index) => {
    const givenToUnitId = a.givenTo ? unitRef(a.givenTo, ['assignments', index, 'givenTo']) : null;
    if (!a.givenTo && !a.givenToText) problem(['assignments', index, 'givenTo'], 'Ange vem uppdraget riktas till: en enhet eller med ord, till exempel "alla nämnder och styrelser".', 'warning');
    const id = idOf('assignment', a.key);
    const current = existing.byKey.assignment.get(a.key)?.data as EntityRecord<'assignment'> | undefined;
    return {
      id,
      planId,
      key: a.key,
      code: a.code,
      text: a.text,
      givenBy: a.givenBy,
      givenToUnitId,
      givenToText: a.givenToText,
      unitId: givenToUnitId ?? planUnitId,
      periodicity: a.periodicity,
      endDate: a.endDate,
      status: a.status,
      comment: a.comment,
      conflicts: current?.conflicts ?? [],
      removedAt: null,
    };
  });
  const goalRecords: RecordInput<'goal'>[] = doc.goals.map((g, index) => {
    if (g.perspective) ref(perspectives, g.perspective, ['goals', index, 'perspective'], 'Perspektivet', 'Perspektiv');
    if (g.parent) ref(goals, g.parent, ['goals', index, 'parent'], 'Målet', 'Mål');
    if (g.parent === g.key) problem(['goals', index, 'parent'], 'Ett mål kan inte bidra till sig självt.');
    return {
      id: idOf('goal', g.key),
      planId,
      key: g.key,
      number: g.number,
      title: g.title,
      description: g.description,
      level: g.level,
      perspectiveId: g.perspective ? idOf('perspective', g.perspective) : null,
      parentId: g.parent ? idOf('goal', g.parent) : null,
      unitId: unitRef(g.unit, ['goals', index, 'unit']),
      order: g.order,
      removedAt: null,
    };
  });
  const goalById = new Map(goalRecords.map((g) => [g.id, g]));

  // Whether a target could be read was told when the document was checked (importPlan.ts), row by row.
  const target = (text: string | null) => (text ? parseTarget(text) : null);
  const indicatorRecords: RecordInput<'indicator'>[] = doc.indicators.map((i, index) => {
    for (const key of i.goals) ref(goals, key, ['indicators', index, 'goals'], 'Målet', 'Mål');
    if (i.goals.length === 0) problem(['indicators', index, 'goals'], 'Indikatorn mäter inget mål; den visas inte under något mål.', 'warning');
    const baselineValue = i.baseline?.value ? parseMeasuredValue(i.baseline.value) : null;
    if (i.baseline?.value && !baselineValue) problem(['indicators', index, 'baseline', 'value'], `Nuläget "${i.baseline.value}" är inget tal. Skriv till exempel 15,1 eller 15:01.`);
    return {
      id: idOf('indicator', i.key),
      planId,
      key: i.key,
      name: i.name,
      goalIds: i.goals.map((key) => idOf('goal', key)),
      unitId: unitRef(i.unit, ['indicators', index, 'unit']),
      measure: i.measure,
      direction: i.direction,
      targetText: i.target,
      target: target(i.target),
      targetNote: i.targetNote,
      baseline: i.baseline ? { value: baselineValue?.value ?? null, text: i.baseline.value, period: i.baseline.period, note: i.baseline.note } : null,
      frequencies: i.frequencies,
      source: i.source,
      subSeries: (i.subSeries ?? []).map((s) => ({ key: s.key, name: s.name, targetText: s.target, target: target(s.target) })),
      genderBreakdown: i.genderBreakdown,
      description: i.description,
      order: i.order,
      removedAt: null,
    };
  });
  const indicatorByKey = new Map(indicatorRecords.map((i) => [i.key, i]));

  const outcomes: RecordInput<'outcome'>[] = [];
  doc.outcomes.forEach((o, index) => {
    const path = (field: string) => ['outcomes', index, field];
    const indicator = indicatorByKey.get(o.indicator);
    if (!indicator) return skipped.has(`indicators/${o.indicator}`) ? undefined : problem(path('indicator'), `Indikatorn "${o.indicator}" finns inte på fliken Indikatorer.`);
    if (o.subSeries && !indicator.subSeries.some((s) => s.key === o.subSeries)) problem(path('subSeries'), `Indikatorn ${indicator.name} har ingen delserie "${o.subSeries}" (fliken Delserier).`);
    if (o.gender !== 'T' && !indicator.genderBreakdown) problem(path('gender'), `Indikatorn ${indicator.name} redovisas inte per kön. Skriv Ja under Per kön på fliken Indikatorer, eller Totalt här.`);
    if (planYear(o.period) > doc.plan.endYear) problem(path('period'), `Perioden ligger efter planens sista år (${doc.plan.endYear}).`);
    const value = parseMeasuredValue(o.value);
    if (!value) return problem(path('value'), `Värdet "${o.value}" är inget tal. Skriv till exempel 20,2 eller 15:01.`);
    const bounds = valueBoundsProblem(indicator.measure, value.value);
    if (bounds) problem(path('value'), bounds);
    const average = o.nationalAverage ? parseMeasuredValue(o.nationalAverage) : null;
    if (o.nationalAverage && !average) problem(path('nationalAverage'), `Rikssnittet "${o.nationalAverage}" är inget tal.`);
    const id = outcomeId(indicator.id, o.period, o.subSeries, o.gender);
    const current = existing.outcomes.get(id);
    const same = current && current.value === value.value && current.comment === o.comment;
    const closed = !same && closedFor(o.period);
    if (closed) problem(path('value'), closed);
    outcomes.push({
      id,
      indicatorId: indicator.id,
      unitId: indicator.unitId,
      subSeriesKey: o.subSeries,
      gender: o.gender,
      period: o.period,
      value: value.value,
      nationalAverage: average?.value ?? null,
      comment: o.comment,
      source: o.source,
      // Who typed a value is not in a file: a new value has nobody, a value the import changes has the importer.
      enteredBy: same ? current.enteredBy : current ? importer : null,
      conflicts: current?.conflicts ?? [],
    });
  });

  const assessments: RecordInput<'goalAssessment'>[] = doc.goalAssessments.map((a, index) => {
    ref(goals, a.goal, ['goalAssessments', index, 'goal'], 'Målet', 'Mål');
    reportedPeriod(a.period, ['goalAssessments', index, 'period']);
    const goalId = idOf('goal', a.goal);
    const id = assessmentId(goalId, a.period);
    const current = existing.assessments.get(id);
    const closed = !(current && current.assessment === a.assessment && current.analysis === a.analysis) && closedFor(a.period);
    if (closed) problem(['goalAssessments', index, 'assessment'], closed);
    return { id, goalId, unitId: goalById.get(goalId)?.unitId ?? planUnitId, period: a.period, assessment: a.assessment, analysis: a.analysis, conflicts: current?.conflicts ?? [] };
  });

  const activityRecords: RecordInput<'activity'>[] = doc.activities.map((a, index) => {
    if (a.focusArea) ref(focusAreas, a.focusArea, ['activities', index, 'focusArea'], 'Insatsområdet', 'Insatsområden');
    for (const key of a.assignments) ref(assignmentKeys, key, ['activities', index, 'assignments'], 'Uppdraget', 'Uppdrag');
    for (const key of a.goals) ref(goals, key, ['activities', index, 'goals'], 'Målet', 'Mål');
    if (a.statusPeriod) reportedPeriod(a.statusPeriod, ['activities', index, 'statusPeriod']);
    const current = existing.byKey.activity.get(a.key)?.data as EntityRecord<'activity'> | undefined;
    return {
      id: idOf('activity', a.key),
      planId,
      key: a.key,
      number: a.number,
      title: a.title,
      description: a.description,
      focusAreaId: a.focusArea ? idOf('focusArea', a.focusArea) : null,
      assignmentIds: a.assignments.map((key) => idOf('assignment', key)),
      goalIds: a.goals.map((key) => idOf('goal', key)),
      unitId: unitRef(a.unit, ['activities', index, 'unit']),
      responsible: a.responsible,
      timeline: a.timeline,
      milestone: a.milestone,
      accessibilityPlan: a.accessibilityPlan,
      status: a.status,
      statusParts: a.statusParts,
      latestComment: a.comment,
      statusPeriod: a.statusPeriod,
      order: a.order,
      conflicts: current?.conflicts ?? [],
      removedAt: null,
    };
  });

  // A status the file gives that the activity does not have yet enters its history, dated to its period; one
  // it already has adds nothing, so importing the same file twice (or an export of the plan) writes no history.
  const author = `Import: ${doc.plan.source ?? doc.plan.name}`.slice(0, 300);
  const history: RecordInput<'activityUpdate'>[] = activityRecords
    .filter((a) => a.status || a.latestComment)
    .filter((a) => {
      const current = existing.byKey.activity.get(a.key)?.data as EntityRecord<'activity'> | undefined;
      return !current || current.status !== a.status || current.latestComment !== a.latestComment || JSON.stringify(current.statusParts) !== JSON.stringify(a.statusParts);
    })
    .map((a) => ({
      id: uuidv5(`activityUpdate:${orgKey}:${doc.plan.key}:${a.key}/import/${a.statusPeriod ?? ''}/${a.status ?? ''}/${JSON.stringify(a.statusParts)}/${a.latestComment ?? ''}`, ID_NAMESPACE),
      activityId: a.id,
      unitId: a.unitId,
      authorName: author,
      authorId: null,
      createdAt: a.statusPeriod ? periodEnd(a.statusPeriod).toISOString() : `${doc.plan.startYear}-01-01T00:00:00.000Z`,
      writtenAt: null,
      fromStatus: (existing.byKey.activity.get(a.key)?.data as EntityRecord<'activity'> | undefined)?.status ?? null,
      toStatus: a.status,
      statusParts: a.statusParts,
      text: a.latestComment,
      period: a.statusPeriod,
      conflict: false,
    }));

  return {
    planId,
    organisation: { key: orgKey, name: root.name, exists: !!sameOrgRoot },
    records: {
      unit: units,
      plan: [plan],
      perspective: perspectiveRecords,
      focusArea: focusAreaRecords,
      assignment: assignmentRecords,
      goal: goalRecords,
      goalAssessment: assessments,
      indicator: indicatorRecords,
      outcome: outcomes,
      activity: activityRecords,
      activityUpdate: history,
    },
    unitIds: units.map((u) => u.id),
    problems,
  };
}

/** A key twice in the same sheet: the later row is the one to fix. */
function duplicates(doc: ImportPlanDocument, problem: (path: (string | number)[], message: string) => void) {
  const sections = { units: doc.units, perspectives: doc.perspectives, focusAreas: doc.focusAreas, assignments: doc.assignments, goals: doc.goals, indicators: doc.indicators, activities: doc.activities };
  for (const [section, list] of Object.entries(sections)) {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.key)) problem([section, index, 'key'], `Nyckeln "${item.key}" finns redan på en rad ovanför. Varje rad behöver en egen nyckel.`);
      seen.add(item.key);
    });
  }
  const cells = new Set<string>();
  doc.outcomes.forEach((o, index) => {
    const cell = `${o.indicator}/${o.subSeries ?? ''}/${o.gender}/${o.period}`;
    if (cells.has(cell)) problem(['outcomes', index, 'period'], 'Samma indikator har redan ett utfall för perioden på en rad ovanför.');
    cells.add(cell);
  });
  const assessed = new Set<string>();
  doc.goalAssessments.forEach((a, index) => {
    if (assessed.has(`${a.goal}/${a.period}`)) problem(['goalAssessments', index, 'period'], 'Målet har redan en bedömning för perioden på en rad ovanför.');
    assessed.add(`${a.goal}/${a.period}`);
  });
}
