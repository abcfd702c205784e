import { isInPlan } from '@shared/logic/inPlan.ts';
import type { Goal } from '@shared/schemas/goal.ts';
import type { Perspective } from '@shared/schemas/perspective.ts';
import type { Ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from './useLiveQuery.ts';

export interface PerspectiveGroup {
  perspective: Perspective | null;
  goals: { goal: Goal; parent: Goal | null; indicatorCount: number }[];
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

/**
 * A plan's own goals grouped by perspective, each with the council goal it serves. Goals owned higher
 * up the steering chain are shown as parents, not as goals of the plan.
 */
export function usePlanGoals(planId: Ref<string>) {
  return useLiveQuery(async (): Promise<PerspectiveGroup[]> => {
    const [perspectives, goals, indicators] = await Promise.all([
      deviceDb.perspective.where('planId').equals(planId.value).filter(isInPlan).toArray(),
      deviceDb.goal.where('planId').equals(planId.value).filter(isInPlan).toArray(),
      deviceDb.indicator.where('planId').equals(planId.value).filter(isInPlan).toArray(),
    ]);
    const byId = new Map(goals.map((g) => [g.id, g]));
    const parentIds = new Set(goals.map((g) => g.parentId));
    // A council goal with no children in this plan is still one of the plan's goals.
    const own = goals.filter((g) => g.parentId !== null || !parentIds.has(g.id)).sort(byOrder);
    const entry = (goal: Goal) => ({
      goal,
      parent: goal.parentId ? (byId.get(goal.parentId) ?? null) : null,
      indicatorCount: indicators.filter((i) => i.goalIds.includes(goal.id)).length,
    });
    const groups: PerspectiveGroup[] = perspectives.sort(byOrder).map((perspective) => ({
      perspective,
      goals: own.filter((g) => g.perspectiveId === perspective.id).map(entry),
    }));
    const loose = own.filter((g) => !perspectives.some((p) => p.id === g.perspectiveId));
    if (loose.length > 0) groups.push({ perspective: null, goals: loose.map(entry) });
    return groups.filter((group) => group.goals.length > 0);
  }, [planId]);
}
