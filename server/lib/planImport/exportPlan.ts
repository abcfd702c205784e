import { isInPlan } from '@shared/logic/inPlan.ts';
import { parsePeriod } from '@shared/logic/period.ts';
import type { EntityRecord } from '@shared/schemas/entities.ts';
import type { ImportPlanDocumentInput } from '@shared/schemas/planImport.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, listRecords } from '../../db/records.ts';
import { decimalText } from '../planFile/cells.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const inPlan = <T extends { removedAt?: string | null }>(records: T[]) => records.filter(isInPlan);

/**
 * A plan as a document in the import format, with everything reported on it (outcomes, assessments,
 * statuses and comments) and the units it refers to up to its organisation: what importing it again
 * turns back into the same records. Records taken out of the plan are left out, as is what hangs on them.
 */
export async function exportPlan(db: Queryable, planId: string): Promise<ImportPlanDocumentInput | null> {
  const plan = await getRecord(db, 'plan', planId);
  if (!plan) return null;
  const [perspectives, focusAreas, assignments, goals, indicators, activities, allUnits] = await Promise.all([
    listRecords(db, 'perspective', { planId }).then(inPlan),
    listRecords(db, 'focusArea', { planId }).then(inPlan),
    listRecords(db, 'assignment', { planId }).then(inPlan),
    listRecords(db, 'goal', { planId }).then(inPlan),
    listRecords(db, 'indicator', { planId }).then(inPlan),
    listRecords(db, 'activity', { planId }).then(inPlan),
    listRecords(db, 'unit'),
  ]);
  const [outcomes, assessments] = await Promise.all([
    indicators.length > 0 ? listRecords(db, 'outcome', { parentIds: indicators.map((i) => i.id) }) : [],
    goals.length > 0 ? listRecords(db, 'goalAssessment', { parentIds: goals.map((g) => g.id) }) : [],
  ]);

  const unitById = new Map(allUnits.map((u) => [u.id, u]));
  const used = new Set<string>([plan.unitId, ...goals.map((g) => g.unitId), ...indicators.map((i) => i.unitId), ...activities.map((a) => a.unitId), ...assignments.flatMap((a) => (a.givenToUnitId ? [a.givenToUnitId] : []))]);
  // Each unit a record names, and the chain above it up to the organisation, parents first.
  const chain: EntityRecord<'unit'>[] = [];
  const add = (id: string | null) => {
    const unit = id ? unitById.get(id) : undefined;
    if (!unit || chain.includes(unit)) return;
    add(unit.parentId);
    chain.push(unit);
  };
  for (const id of used) add(id);
  const unitKey = (id: string | null) => (id ? (unitById.get(id)?.key ?? null) : null);
  const keyOf = <T extends { id: string; key: string }>(records: T[]) => {
    const keys = new Map(records.map((r) => [r.id, r.key]));
    return (id: string | null) => (id ? (keys.get(id) ?? null) : null);
  };
  const [goalKey, perspectiveKey, focusAreaKey, assignmentKey] = [keyOf(goals), keyOf(perspectives), keyOf(focusAreas), keyOf(assignments)];
  const indicatorById = new Map(indicators.map((i) => [i.id, i]));

  return {
    units: chain.map((u) => ({ key: u.key, name: u.name, shortName: u.shortName, parent: unitKey(u.parentId), kind: u.kind })),
    plan: {
      key: plan.key,
      name: plan.name,
      unit: unitKey(plan.unitId)!,
      startYear: plan.startYear,
      endYear: plan.endYear,
      state: plan.state,
      adoptedBy: plan.adoptedBy,
      adoptedAt: plan.adoptedAt,
      assessmentScale: plan.assessmentScale,
      source: plan.source,
      reportPoints: (plan.reportPoints ?? []).map((point) => {
        const { year, firstMonth, lastMonth } = parsePeriod(point.period);
        return { name: point.name, from: `${year}-${pad(firstMonth)}`, to: `${year}-${pad(lastMonth)}`, deadline: point.deadline };
      }),
      monthlyDeadlineDay: plan.monthlyDeadlineDay ?? null,
    },
    perspectives: perspectives.map((p) => ({ key: p.key, name: p.name, order: p.order })),
    focusAreas: focusAreas.map((f) => ({ key: f.key, name: f.name, description: f.description, order: f.order })),
    assignments: assignments.map((a) => ({
      key: a.key,
      code: a.code,
      text: a.text,
      givenBy: a.givenBy,
      givenTo: unitKey(a.givenToUnitId),
      givenToText: a.givenToText ?? null,
      periodicity: a.periodicity,
      endDate: a.endDate,
      status: a.status,
      comment: a.comment,
    })),
    goals: goals.map((g) => ({
      key: g.key,
      number: g.number ?? null,
      title: g.title,
      description: g.description,
      level: g.level,
      perspective: perspectiveKey(g.perspectiveId),
      parent: goalKey(g.parentId),
      unit: unitKey(g.unitId)!,
      order: g.order,
    })),
    indicators: indicators.map((i) => ({
      key: i.key,
      name: i.name,
      goals: i.goalIds.map((id) => goalKey(id)).filter((key): key is string => key !== null),
      unit: unitKey(i.unitId)!,
      measure: i.measure,
      direction: i.direction,
      target: i.targetText,
      targetNote: i.targetNote,
      baseline: i.baseline ? { value: i.baseline.text, period: i.baseline.period, note: i.baseline.note } : null,
      frequencies: i.frequencies,
      source: i.source,
      subSeries: i.subSeries.length > 0 ? i.subSeries.map((s) => ({ key: s.key, name: s.name, target: s.targetText })) : null,
      genderBreakdown: i.genderBreakdown,
      description: i.description,
      order: i.order,
    })),
    outcomes: outcomes.map((o) => ({
      indicator: indicatorById.get(o.indicatorId)!.key,
      subSeries: o.subSeriesKey,
      gender: o.gender,
      period: o.period,
      value: decimalText(o.value),
      nationalAverage: o.nationalAverage === null ? null : decimalText(o.nationalAverage),
      comment: o.comment,
      source: o.source,
    })),
    goalAssessments: assessments.map((a) => ({ goal: goalKey(a.goalId)!, period: a.period, assessment: a.assessment, analysis: a.analysis })),
    activities: activities.map((a) => ({
      key: a.key,
      number: a.number,
      title: a.title,
      description: a.description,
      focusArea: focusAreaKey(a.focusAreaId),
      assignments: a.assignmentIds.map((id) => assignmentKey(id)).filter((key): key is string => key !== null),
      goals: a.goalIds.map((id) => goalKey(id)).filter((key): key is string => key !== null),
      unit: unitKey(a.unitId)!,
      responsible: a.responsible,
      timeline: a.timeline,
      milestone: a.milestone,
      accessibilityPlan: a.accessibilityPlan,
      status: a.status,
      statusParts: a.statusParts,
      comment: a.latestComment,
      statusPeriod: a.statusPeriod,
      order: a.order,
    })),
  };
}
