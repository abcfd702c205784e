import type { Activity, ActivityUpdate } from '../schemas/activity.ts';
import type { ReportPoint } from '../schemas/calendar.ts';
import type { Goal, GoalAssessment } from '../schemas/goal.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Outcome } from '../schemas/outcome.ts';
import type { Period } from '../schemas/period.ts';
import type { Plan } from '../schemas/plan.ts';
import type { Readiness } from '../schemas/readiness.ts';
import { pointsForFrequencies } from './calendar.ts';
import { isInPlan } from './inPlan.ts';
import { comparePeriods, parsePeriod, periodOfMonths } from './period.ts';

/** The plan's records a unit's part of a report is counted from, as the device or the server holds them. */
export interface ReadinessRecords {
  plan: Plan;
  goals: readonly Goal[];
  indicators: readonly Indicator[];
  activities: readonly Activity[];
  outcomes: readonly Pick<Outcome, 'indicatorId' | 'period'>[];
  assessments: readonly Pick<GoalAssessment, 'goalId' | 'period'>[];
  updates: readonly Pick<ActivityUpdate, 'activityId' | 'period' | 'toStatus'>[];
  readiness: readonly Readiness[];
}

/** Of one kind of thing a unit reports, what is done for the point and what is still missing. */
export interface Owed<T> {
  done: T[];
  missing: T[];
}

/** A unit's part of one report point: what it has reported, what it still owes, and whether it said it is done. */
export interface UnitReadiness {
  unitId: string;
  activities: Owed<Activity>;
  outcomes: Owed<{ indicator: Indicator; period: Period }>;
  goals: Owed<Goal>;
  ready: Readiness | null;
}

/** Something left to report (the counts of what is missing), or nothing. */
export const owesAnything = (unit: UnitReadiness) => unit.activities.missing.length + unit.outcomes.missing.length + unit.goals.missing.length > 0;

/**
 * The period an indicator is reported for at a report point: the point's own where the indicator is
 * reported at it, the point's last month for one reported only monthly, none for one reported yearly at a delår.
 */
export function indicatorPeriodAt(plan: Plan, indicator: Indicator, point: ReportPoint): Period | null {
  if (pointsForFrequencies(plan, indicator.frequencies).some((p) => p.period === point.period)) return point.period;
  if (!indicator.frequencies.includes('månad')) return null;
  const { year, lastMonth } = parsePeriod(point.period);
  return periodOfMonths(year, lastMonth, lastMonth);
}

/**
 * An activity needs a status at a point unless it was finished or cancelled at an earlier one; it has
 * one when a status was reported for the point (its latest, or any in its history dated to the point).
 */
function activityOwed(activities: readonly Activity[], updates: ReadinessRecords['updates'], point: ReportPoint): Owed<Activity> {
  const reported = new Set(updates.filter((u) => u.period === point.period && u.toStatus !== null).map((u) => u.activityId));
  const closedBefore = (a: Activity) => (a.status === 'Klar' || a.status === 'Avbruten') && a.statusPeriod !== null && comparePeriods(a.statusPeriod, point.period) < 0;
  const owed = activities.filter((a) => isInPlan(a) && !closedBefore(a));
  const has = (a: Activity) => (a.status !== null && a.statusPeriod === point.period) || reported.has(a.id);
  return { done: owed.filter(has), missing: owed.filter((a) => !has(a)) };
}

const split = <T>(items: T[], done: (item: T) => boolean): Owed<T> => ({ done: items.filter(done), missing: items.filter((item) => !done(item)) });

/**
 * Every unit's part of a report point: each unit that owns an activity, indicator or goal of the plan,
 * in the order of `unitIds` (and only those), with what it has and has not reported for the point.
 */
export function readinessAt(records: ReadinessRecords, point: ReportPoint, unitIds: readonly string[]): UnitReadiness[] {
  const outcomeKeys = new Set(records.outcomes.map((o) => `${o.indicatorId}/${o.period}`));
  const assessed = new Set(records.assessments.filter((a) => a.period === point.period).map((a) => a.goalId));
  const marks = new Map(records.readiness.filter((r) => r.period === point.period).map((r) => [r.unitId, r]));
  const ofUnit = <T extends { unitId: string; removedAt?: string | null }>(items: readonly T[], unitId: string) => items.filter((item) => item.unitId === unitId && isInPlan(item));
  return unitIds.flatMap((unitId) => {
    const activities = activityOwed(ofUnit(records.activities, unitId), records.updates, point);
    const due = ofUnit(records.indicators, unitId).flatMap((indicator) => {
      const period = indicatorPeriodAt(records.plan, indicator, point);
      return period ? [{ indicator, period }] : [];
    });
    const goals = ofUnit(records.goals, unitId);
    if (activities.done.length + activities.missing.length + due.length + goals.length === 0) return [];
    return [{
      unitId,
      activities,
      outcomes: split(due, ({ indicator, period }) => outcomeKeys.has(`${indicator.id}/${period}`)),
      goals: split(goals, (goal) => assessed.has(goal.id)),
      ready: marks.get(unitId) ?? null,
    }];
  });
}
