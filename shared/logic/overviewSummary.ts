import type { Assessment } from '../schemas/goal.ts';
import type { Trend } from '../schemas/target.ts';
import { countAssessments, countTargetStatuses, type AssessmentCounts, type TargetStatusCounts } from './fulfilment.ts';
import type { PerspectiveFulfilment, PlanOverview } from './planOverview.ts';

/** What a committee member came for, counted over the whole plan (or the unit chosen). */
export interface OverviewSummary {
  goalCount: number;
  assessments: AssessmentCounts;
  indicatorCount: number;
  /** Each indicator once, even when it measures goals of two perspectives. */
  indicators: TargetStatusCounts;
  /** The trend of the indicators that have one, against the same period a year earlier. */
  trends: Record<Trend, number>;
  delayedActivities: number;
  unmetIndicators: number;
}

/** Assessments that say a goal is not being reached, whichever scale the plan uses. */
const NOT_REACHED: readonly Assessment[] = ['negativ', 'ej uppfyllt'];

export function overviewSummary(overview: PlanOverview): OverviewSummary {
  const goals = overview.perspectives.flatMap((p) => p.goals);
  const figures = [...new Map(overview.perspectives.flatMap((p) => p.keyFigures).map((f) => [f.indicator.id, f])).values()];
  const trends: Record<Trend, number> = { positiv: 0, neutral: 0, negativ: 0 };
  for (const figure of figures) if (figure.status.trend) trends[figure.status.trend]++;
  return {
    goalCount: goals.length,
    assessments: countAssessments(goals.map((g) => g.assessment?.assessment ?? null)),
    indicatorCount: figures.length,
    indicators: countTargetStatuses(figures.map((f) => f.status.status)),
    trends,
    delayedActivities: overview.delayedActivities.length,
    unmetIndicators: overview.unmetKeyFigures.length,
  };
}

/**
 * A perspective with only what is not reached: the goals assessed negatively and the indicators that do
 * not meet their målvärde; null when nothing in it is. The counts stay the whole perspective's.
 */
export function notReached(perspective: PerspectiveFulfilment): PerspectiveFulfilment | null {
  const goals = perspective.goals.filter((g) => !!g.assessment && NOT_REACHED.includes(g.assessment.assessment));
  const keyFigures = perspective.keyFigures.filter((f) => f.status.status === 'notMet');
  return goals.length === 0 && keyFigures.length === 0 ? null : { ...perspective, goals, keyFigures };
}
