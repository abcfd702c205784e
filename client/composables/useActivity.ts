import type { Ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/** One activity with what it links to and its whole history, newest first (the server's receive order). */
export function useActivity(activityId: Ref<string>) {
  return useLiveQuery(async () => {
    const activity = await deviceDb.activity.get(activityId.value);
    if (!activity) return null;
    const [focusArea, assignments, goals, updates, unit] = await Promise.all([
      activity.focusAreaId ? deviceDb.focusArea.get(activity.focusAreaId) : undefined,
      deviceDb.assignment.bulkGet(activity.assignmentIds),
      deviceDb.goal.bulkGet(activity.goalIds),
      deviceDb.activityUpdate.where('activityId').equals(activity.id).toArray(),
      deviceDb.unit.get(activity.unitId),
    ]);
    return {
      activity,
      focusArea: focusArea ?? null,
      unit: unit ?? null,
      assignments: assignments.filter((a) => a !== undefined),
      goals: goals.filter((g) => g !== undefined),
      updates: updates.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq),
    };
  }, [activityId]);
}
