import { isInPlan } from '@shared/logic/inPlan.ts';
import { indicatorStatus } from '@shared/logic/indicatorStatus.ts';
import { comparePeriods } from '@shared/logic/period.ts';
import type { Ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { whereEach } from '../db/whereEach.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/** One goal with its parent, assessments (newest first), indicators with their status, and activities. */
export function useGoal(goalId: Ref<string>) {
  return useLiveQuery(async () => {
    const goal = await deviceDb.goal.get(goalId.value);
    if (!goal) return null;
    const [parent, assessments, indicators, activities] = await Promise.all([
      goal.parentId ? deviceDb.goal.get(goal.parentId) : undefined,
      deviceDb.goalAssessment.where('goalId').equals(goal.id).toArray(),
      deviceDb.indicator.where('goalIds').equals(goal.id).toArray(),
      deviceDb.activity.where('planId').equals(goal.planId).filter((a) => isInPlan(a) && a.goalIds.includes(goal.id)).toArray(),
    ]);
    const outcomes = await whereEach(deviceDb.outcome, 'indicatorId', indicators.map((i) => i.id));
    return {
      goal,
      parent: parent ?? null,
      assessments: assessments.sort((a, b) => comparePeriods(b.period, a.period)),
      indicators: indicators
        .sort((a, b) => a.order - b.order)
        .map((indicator) => ({ indicator, status: indicatorStatus(indicator, outcomes) })),
      activities: activities.sort((a, b) => a.order - b.order),
    };
  }, [goalId]);
}
