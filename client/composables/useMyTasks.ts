import type { Activity } from '@shared/schemas/activity.ts';
import type { Goal } from '@shared/schemas/goal.ts';
import type { Indicator } from '@shared/schemas/indicator.ts';
import { duePeriod } from '@shared/logic/duePeriod.ts';
import { assessmentId, outcomeId } from '@shared/logic/recordIds.ts';
import type { Ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { useSessionStore } from '../stores/session.ts';
import { useLiveQuery } from './useLiveQuery.ts';

export interface MyTasks {
  /** Försenad or Avbruten, or with a conflict to settle: what needs attention first. */
  attention: Activity[];
  /** The rest of the person's activities, in the plan's order. */
  activities: Activity[];
  /** Indicators of the person's units with no outcome yet for the period now due. */
  outcomesDue: { indicator: Indicator; period: string }[];
  /** Goals of the person's units not yet assessed for the delår now due. */
  assessmentsDue: { goal: Goal; period: string }[];
}

/**
 * What a rapportör is responsible for in a plan: everything owned by the units they may write, sorted by
 * what needs doing now. Read from the device, so it works without network.
 */
export function useMyTasks(planId: Ref<string>, today = new Date()) {
  const session = useSessionStore();
  return useLiveQuery(async (): Promise<MyTasks> => {
    const units = new Set(session.me?.writableUnitIds ?? []);
    const [activities, indicators, goals] = await Promise.all([
      deviceDb.activity.where('planId').equals(planId.value).filter((a) => units.has(a.unitId)).sortBy('order'),
      deviceDb.indicator.where('planId').equals(planId.value).filter((i) => units.has(i.unitId)).sortBy('order'),
      deviceDb.goal.where('planId').equals(planId.value).filter((g) => units.has(g.unitId) && g.level !== 'målområde').sortBy('order'),
    ]);
    const needsAttention = (a: Activity) => a.status === 'Försenad' || a.status === 'Avbruten' || a.conflicts.length > 0;
    const due = indicators.flatMap((indicator) => {
      const period = duePeriod(indicator.frequencies, today);
      return period ? [{ indicator, period }] : [];
    });
    const entered = new Set((await deviceDb.outcome.bulkGet(due.map(({ indicator, period }) => outcomeId(indicator.id, period, null, 'T')))).map((o) => o?.indicatorId));
    const delår = duePeriod(['delår'], today)!;
    const assessed = await deviceDb.goalAssessment.bulkGet(goals.map((g) => assessmentId(g.id, delår)));
    return {
      attention: activities.filter(needsAttention),
      activities: activities.filter((a) => !needsAttention(a)),
      outcomesDue: due.filter(({ indicator }) => !entered.has(indicator.id)),
      assessmentsDue: goals.filter((_, i) => !assessed[i]).map((goal) => ({ goal, period: delår })),
    };
  }, [planId, () => session.me?.writableUnitIds]);
}
