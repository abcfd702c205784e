import type { MaybeRefOrGetter } from 'vue';
import { toValue } from 'vue';
import { meetingBasis } from '@shared/logic/meetingBasis.ts';
import type { Meeting } from '@shared/schemas/meeting.ts';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/** A meeting's underlag, from what the device holds of its plan (see `meetingBasis`); null without a meeting. */
export function useMeetingBasis(meeting: MaybeRefOrGetter<Meeting | null>) {
  return useLiveQuery(async () => {
    const m = toValue(meeting);
    if (!m) return null;
    const [units, goals, indicators, activities, assignments] = await Promise.all([
      deviceDb.unit.toArray(),
      deviceDb.goal.where('planId').equals(m.planId).toArray(),
      deviceDb.indicator.where('planId').equals(m.planId).toArray(),
      deviceDb.activity.where('planId').equals(m.planId).toArray(),
      deviceDb.assignment.where('planId').equals(m.planId).toArray(),
    ]);
    const [assessments, outcomes] = await Promise.all([
      deviceDb.goalAssessment.where('goalId').anyOf(goals.map((g) => g.id)).toArray(),
      deviceDb.outcome.where('indicatorId').anyOf(indicators.map((i) => i.id)).toArray(),
    ]);
    return meetingBasis({ unitId: m.unitId, period: m.period, date: m.date, units, goals, assessments, indicators, outcomes, activities, assignments });
  }, [() => toValue(meeting)?.id, () => toValue(meeting)?.period, () => toValue(meeting)?.date]);
}
