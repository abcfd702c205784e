import type { Activity } from '../schemas/activity.ts';
import type { FocusArea } from '../schemas/focusArea.ts';
import type { Goal, GoalAssessment } from '../schemas/goal.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Outcome } from '../schemas/outcome.ts';
import type { Period } from '../schemas/period.ts';
import type { Perspective } from '../schemas/perspective.ts';
import {
  countActivityStatuses,
  countAssessments,
  countTargetStatuses,
  type ActivityStatusCounts,
  type AssessmentCounts,
  type TargetStatusCounts,
} from './fulfilment.ts';
import { keyFigure, type KeyFigure } from './keyFigure.ts';
import { distinctPeriods, reportedFor } from './reportingPeriod.ts';

/** Everything a plan's follow-up is made of, as the device holds it. */
export interface PlanRecords {
  perspectives: readonly Perspective[];
  goals: readonly Goal[];
  assessments: readonly GoalAssessment[];
  indicators: readonly Indicator[];
  outcomes: readonly Outcome[];
  focusAreas: readonly FocusArea[];
  activities: readonly Activity[];
}

export interface GoalFulfilment {
  goal: Goal;
  parent: Goal | null;
  /** The assessment for the period (or for a shorter period inside it); null when not assessed. */
  assessment: GoalAssessment | null;
  keyFigures: KeyFigure[];
  indicatorCounts: TargetStatusCounts;
}

export interface PerspectiveFulfilment {
  perspective: Perspective | null;
  goals: GoalFulfilment[];
  assessmentCounts: AssessmentCounts;
  /** Each indicator once, even when it measures several of the perspective's goals. */
  indicatorCounts: TargetStatusCounts;
  keyFigures: KeyFigure[];
}

export interface FocusAreaStatus {
  focusArea: FocusArea | null;
  counts: ActivityStatusCounts;
}

export interface PlanOverview {
  period: Period;
  perspectives: PerspectiveFulfilment[];
  focusAreas: FocusAreaStatus[];
  /** What a committee member reads first: activities Försenad or Avbruten, and key figures not met. */
  delayedActivities: Activity[];
  unmetKeyFigures: KeyFigure[];
}

export interface OverviewScope {
  period: Period;
  /** The units whose goals, indicators and activities are shown; null for the whole plan. */
  unitIds: ReadonlySet<string> | null;
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

/** In one pass: copying a group's array for every member made the overview quadratic in each indicator's outcomes. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Every period the plan has data for (outcomes, assessments, activity statuses), the newest first. */
export function planPeriods(records: Pick<PlanRecords, 'outcomes' | 'assessments' | 'activities'>): Period[] {
  return distinctPeriods([
    ...records.outcomes.map((o) => o.period),
    ...records.assessments.map((a) => a.period),
    ...records.activities.flatMap((a) => (a.statusPeriod ? [a.statusPeriod] : [])),
  ]);
}

/**
 * The plan's own goals: a council goal (målområde) that a goal of the plan serves is shown as that
 * goal's parent, not as a goal of its own; one with no goal under it in the plan is the plan's own.
 */
export function ownGoals(goals: readonly Goal[]): Goal[] {
  const parentIds = new Set(goals.map((g) => g.parentId));
  return goals.filter((g) => g.parentId !== null || !parentIds.has(g.id)).sort(byOrder);
}

/** An activity a committee asks about: delayed or cancelled, as a whole or in one of its parts. */
export function isDelayed(activity: Activity): boolean {
  const off = (status: Activity['status']) => status === 'Försenad' || status === 'Avbruten';
  return off(activity.status) || !!activity.statusParts?.some((part) => off(part.status));
}

/**
 * Goal fulfilment for one period, by perspective and goal; the key figures with status, trend and
 * history; and activity status by focus area. With a unit, only what that unit and the units below it
 * own is counted, and a goal is shown when it is theirs or one of their indicators measures it.
 */
export function buildPlanOverview(records: PlanRecords, scope: OverviewScope): PlanOverview {
  const inScope = (unitId: string) => !scope.unitIds || scope.unitIds.has(unitId);
  const outcomesOf = groupBy(records.outcomes, (o) => o.indicatorId);
  const assessmentsOf = groupBy(records.assessments, (a) => a.goalId);

  const indicators = records.indicators.filter((i) => inScope(i.unitId)).sort(byOrder);
  const figures = new Map(indicators.map((i) => [i.id, keyFigure(i, outcomesOf.get(i.id) ?? [], scope.period)]));
  const goalsById = new Map(records.goals.map((g) => [g.id, g]));

  const goalFulfilment = (goal: Goal): GoalFulfilment => {
    const keyFigures = indicators.filter((i) => i.goalIds.includes(goal.id)).map((i) => figures.get(i.id)!);
    return {
      goal,
      parent: goal.parentId ? (goalsById.get(goal.parentId) ?? null) : null,
      assessment: reportedFor(assessmentsOf.get(goal.id) ?? [], scope.period),
      keyFigures,
      indicatorCounts: countTargetStatuses(keyFigures.map((f) => f.status.status)),
    };
  };
  const goals = ownGoals(records.goals)
    .map(goalFulfilment)
    .filter((g) => inScope(g.goal.unitId) || g.keyFigures.length > 0);

  const perspectiveOf = (perspective: Perspective | null): PerspectiveFulfilment => {
    const own = goals.filter((g) => (perspective ? g.goal.perspectiveId === perspective.id : !records.perspectives.some((p) => p.id === g.goal.perspectiveId)));
    const keyFigures = [...new Map(own.flatMap((g) => g.keyFigures).map((f) => [f.indicator.id, f])).values()];
    return {
      perspective,
      goals: own,
      assessmentCounts: countAssessments(own.map((g) => g.assessment?.assessment ?? null)),
      indicatorCounts: countTargetStatuses(keyFigures.map((f) => f.status.status)),
      keyFigures,
    };
  };
  const perspectives = [...[...records.perspectives].sort(byOrder), null].map(perspectiveOf).filter((p) => p.goals.length > 0);
  // An indicator that measures none of the plan's goals is still a key figure of the plan.
  const shown = new Set(perspectives.flatMap((p) => p.keyFigures.map((f) => f.indicator.id)));
  const loose = indicators.filter((i) => !shown.has(i.id)).map((i) => figures.get(i.id)!);
  if (loose.length > 0) {
    const rest = perspectives.find((p) => p.perspective === null);
    if (rest) rest.keyFigures.push(...loose);
    else perspectives.push({ perspective: null, goals: [], assessmentCounts: countAssessments([]), indicatorCounts: countTargetStatuses(loose.map((f) => f.status.status)), keyFigures: loose });
  }

  const activities = records.activities.filter((a) => inScope(a.unitId)).sort(byOrder);
  const focusAreas: FocusAreaStatus[] = [...records.focusAreas]
    .sort(byOrder)
    .map((focusArea) => ({ focusArea, counts: countActivityStatuses(activities.filter((a) => a.focusAreaId === focusArea.id).map((a) => a.status)) }));
  const looseActivities = activities.filter((a) => !records.focusAreas.some((f) => f.id === a.focusAreaId));
  if (looseActivities.length > 0) focusAreas.push({ focusArea: null, counts: countActivityStatuses(looseActivities.map((a) => a.status)) });

  return {
    period: scope.period,
    perspectives,
    focusAreas: focusAreas.filter((f) => Object.values(f.counts).some((n) => n > 0)),
    delayedActivities: activities.filter(isDelayed),
    unmetKeyFigures: indicators.map((i) => figures.get(i.id)!).filter((f) => f.status.status === 'notMet'),
  };
}
