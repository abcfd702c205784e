import { isInPlan } from '@shared/logic/inPlan.ts';
import { outcomesWithKolada } from '@shared/logic/koladaOutcomes.ts';
import type { PlanRecords } from '@shared/logic/planOverview.ts';
import type { Ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { whereEach } from '../db/whereEach.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/**
 * Everything a plan's follow-up is made of, read from the device in one go and followed through every
 * sync. The committee's screens work out periods, units and statuses from it in memory: a plan is a few
 * thousand records, and a filter change then needs no new query.
 */
export function usePlanRecords(planId: Ref<string>) {
  return useLiveQuery(async (): Promise<PlanRecords> => {
    const [perspectives, goals, indicators, focusAreas, activities] = await Promise.all([
      deviceDb.perspective.where('planId').equals(planId.value).filter(isInPlan).toArray(),
      deviceDb.goal.where('planId').equals(planId.value).filter(isInPlan).toArray(),
      deviceDb.indicator.where('planId').equals(planId.value).filter(isInPlan).toArray(),
      deviceDb.focusArea.where('planId').equals(planId.value).filter(isInPlan).toArray(),
      deviceDb.activity.where('planId').equals(planId.value).filter(isInPlan).toArray(),
    ]);
    const [assessments, outcomes, kolada] = await Promise.all([
      whereEach(deviceDb.goalAssessment, 'goalId', goals.map((g) => g.id)),
      whereEach(deviceDb.outcome, 'indicatorId', indicators.map((i) => i.id)),
      whereEach(deviceDb.koladaValue, 'indicatorId', indicators.map((i) => i.id)),
    ]);
    return { perspectives, goals, assessments, indicators, outcomes: outcomesWithKolada(outcomes, kolada), focusAreas, activities };
  }, [planId]);
}
