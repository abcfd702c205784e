import type { MaybeRefOrGetter } from 'vue';
import { toValue } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/** A plan's dialogue meetings and their notes as the device holds them (only those the person may read reach it). */
export function usePlanMeetings(planId: MaybeRefOrGetter<string>) {
  return useLiveQuery(async () => {
    const id = toValue(planId);
    const [plan, meetings, notes, units, goals, indicators, activities] = await Promise.all([
      deviceDb.plan.get(id),
      deviceDb.meeting.where('planId').equals(id).toArray(),
      deviceDb.meetingNote.where('planId').equals(id).toArray(),
      deviceDb.unit.toArray(),
      deviceDb.goal.where('planId').equals(id).toArray(),
      deviceDb.indicator.where('planId').equals(id).toArray(),
      deviceDb.activity.where('planId').equals(id).toArray(),
    ]);
    meetings.sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'sv'));
    notes.sort((a, b) => a.order - b.order);
    return { plan: plan ?? null, meetings, notes, units: new Map(units.map((u) => [u.id, u])), goals, indicators, activities };
  }, [() => toValue(planId)]);
}
