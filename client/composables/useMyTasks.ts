import { isInPlan } from '@shared/logic/inPlan.ts';
import type { Activity } from '@shared/schemas/activity.ts';
import type { Goal } from '@shared/schemas/goal.ts';
import type { Indicator } from '@shared/schemas/indicator.ts';
import { assessmentPoints, duePoint, pointsForFrequencies } from '@shared/logic/calendar.ts';
import { openPoints } from '@shared/logic/periodClose.ts';
import type { ReportPoint } from '@shared/schemas/calendar.ts';
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
  /** Indicators of the person's units with no outcome yet for the report point now due in the plan's calendar. */
  outcomesDue: { indicator: Indicator; period: string; point: ReportPoint }[];
  /** Goals of the person's units not yet assessed for the report point now due. */
  assessmentsDue: { goal: Goal; period: string; point: ReportPoint }[];
}

/**
 * What a rapportör is responsible for in a plan: everything owned by the units they may write, sorted by
 * what needs doing now. Read from the device, so it works without network.
 */
export function useMyTasks(planId: Ref<string>, today = new Date()) {
  const session = useSessionStore();
  return useLiveQuery(async (): Promise<MyTasks> => {
    const units = new Set(session.me?.writableUnitIds ?? []);
    const inPlan = <T extends { unitId: string; removedAt?: string | null }>(record: T) => units.has(record.unitId) && isInPlan(record);
    const [plan, activities, indicators, goals] = await Promise.all([
      deviceDb.plan.get(planId.value),
      deviceDb.activity.where('planId').equals(planId.value).filter(inPlan).sortBy('order'),
      deviceDb.indicator.where('planId').equals(planId.value).filter(inPlan).sortBy('order'),
      deviceDb.goal.where('planId').equals(planId.value).filter(inPlan).sortBy('order'),
    ]);
    const needsAttention = (a: Activity) => a.status === 'Försenad' || a.status === 'Avbruten' || a.conflicts.length > 0;
    const due = plan
      ? indicators.flatMap((indicator) => {
          const point = duePoint(openPoints(plan, pointsForFrequencies(plan, indicator.frequencies)), today);
          return point ? [{ indicator, period: point.period, point }] : [];
        })
      : [];
    const entered = new Set((await deviceDb.outcome.bulkGet(due.map(({ indicator, period }) => outcomeId(indicator.id, period, null, 'T')))).map((o) => o?.indicatorId));
    const assessmentDue = plan ? duePoint(openPoints(plan, assessmentPoints(plan)), today) : null;
    const assessed = assessmentDue ? await deviceDb.goalAssessment.bulkGet(goals.map((g) => assessmentId(g.id, assessmentDue.period))) : [];
    return {
      attention: activities.filter(needsAttention),
      activities: activities.filter((a) => !needsAttention(a)),
      outcomesDue: due.filter(({ indicator }) => !entered.has(indicator.id)),
      assessmentsDue: assessmentDue ? goals.filter((_, i) => !assessed[i]).map((goal) => ({ goal, period: assessmentDue.period, point: assessmentDue })) : [],
    };
  }, [planId, () => session.me?.writableUnitIds]);
}
