import { isInPlan } from '@shared/logic/inPlan.ts';
import type { ReadinessRecords } from '@shared/logic/unitReadiness.ts';
import type { OrgUnit } from '@shared/schemas/unit.ts';
import type { Ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { whereEach } from '../db/whereEach.ts';
import { useLiveQuery } from './useLiveQuery.ts';

export type PlanReadinessRecords = ReadinessRecords & { units: Map<string, OrgUnit> };

/**
 * What a plan's readiness is counted from, read from the device and followed through every sync: so a
 * controller's view and a rapportör's Mina uppgifter work offline and move as units report. With `unitIds`,
 * only those units' part: a rapportör's card reads their own records, not the whole förvaltning's history.
 */
export function usePlanReadiness(planId: Ref<string>, unitIds: Ref<readonly string[]> | null = null) {
  return useLiveQuery(async (): Promise<PlanReadinessRecords | null> => {
    const plan = await deviceDb.plan.get(planId.value);
    if (!plan) return null;
    const only = unitIds ? new Set(unitIds.value) : null;
    const ours = <T extends { unitId: string; removedAt?: string | null }>(record: T) => (!only || only.has(record.unitId)) && isInPlan(record);
    const [goals, indicators, activities, readiness, units] = await Promise.all([
      deviceDb.goal.where('planId').equals(planId.value).filter(ours).sortBy('order'),
      deviceDb.indicator.where('planId').equals(planId.value).filter(ours).sortBy('order'),
      deviceDb.activity.where('planId').equals(planId.value).filter(ours).sortBy('order'),
      deviceDb.readiness.where('planId').equals(planId.value).filter((r) => !only || only.has(r.unitId)).toArray(),
      deviceDb.unit.toArray(),
    ]);
    const [assessments, outcomes, updates] = await Promise.all([
      whereEach(deviceDb.goalAssessment, 'goalId', goals.map((g) => g.id)),
      whereEach(deviceDb.outcome, 'indicatorId', indicators.map((i) => i.id)),
      whereEach(deviceDb.activityUpdate, 'activityId', activities.map((a) => a.id)),
    ]);
    return { plan, goals, indicators, activities, assessments, outcomes, updates, readiness, units: new Map(units.map((u) => [u.id, u])) };
  }, unitIds ? [planId, unitIds] : [planId]);
}
