import { isInPlan } from '@shared/logic/inPlan.ts';
import type { Activity } from '@shared/schemas/activity.ts';
import type { FocusArea } from '@shared/schemas/focusArea.ts';
import type { Ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from './useLiveQuery.ts';

export interface FocusAreaGroup {
  focusArea: FocusArea | null;
  activities: Activity[];
}

/** A plan's activities grouped by focus area, in the plan's order. */
export function usePlanActivities(planId: Ref<string>) {
  return useLiveQuery(async (): Promise<FocusAreaGroup[]> => {
    const [focusAreas, activities] = await Promise.all([
      deviceDb.focusArea.where('planId').equals(planId.value).filter(isInPlan).toArray(),
      deviceDb.activity.where('planId').equals(planId.value).filter(isInPlan).toArray(),
    ]);
    activities.sort((a, b) => a.order - b.order);
    const groups: FocusAreaGroup[] = focusAreas
      .sort((a, b) => a.order - b.order)
      .map((focusArea) => ({ focusArea, activities: activities.filter((a) => a.focusAreaId === focusArea.id) }));
    const loose = activities.filter((a) => !focusAreas.some((f) => f.id === a.focusAreaId));
    if (loose.length > 0) groups.push({ focusArea: null, activities: loose });
    return groups.filter((group) => group.activities.length > 0);
  }, [planId]);
}
