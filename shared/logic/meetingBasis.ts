import type { Activity } from '../schemas/activity.ts';
import type { Assignment } from '../schemas/assignment.ts';
import type { Goal, GoalAssessment } from '../schemas/goal.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Outcome } from '../schemas/outcome.ts';
import type { Period } from '../schemas/period.ts';
import type { OrgUnit } from '../schemas/unit.ts';
import { indicatorStatus, type IndicatorStatus } from './indicatorStatus.ts';
import { isInPlan } from './inPlan.ts';
import { isDelayed, ownGoals } from './planOverview.ts';
import { reportedFor } from './reportingPeriod.ts';
import { unitAndBelow } from './unitScope.ts';

/** An assignment ending within this many days of the meeting (or already ended, and not done) is on the basis. */
export const ASSIGNMENT_NEAR_END_DAYS = 120;
/** The assignment statuses that mean done, in the organisation's words; anything else is still to do. */
const DONE_ASSIGNMENT = /^(genomfört|avslutat|klart?|slutfört)$/i;

export interface MeetingBasis {
  goals: { goal: Goal; assessment: GoalAssessment }[];
  /** Not met, or moving the wrong way against a year earlier. */
  indicators: { indicator: Indicator; status: IndicatorStatus }[];
  activities: Activity[];
  assignments: Assignment[];
}

export interface MeetingBasisInputs {
  unitId: string;
  period: Period;
  /** The meeting's date (YYYY-MM-DD): what "near their end date" is counted from. */
  date: string;
  units: readonly Pick<OrgUnit, 'id' | 'parentId'>[];
  goals: readonly Goal[];
  assessments: readonly GoalAssessment[];
  indicators: readonly Indicator[];
  outcomes: readonly Outcome[];
  activities: readonly Activity[];
  assignments: readonly Assignment[];
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
const DAY = 86_400_000;

/**
 * The underlag of a dialogue meeting, from the data of its unit and the units below it for its report
 * point: goals assessed negatively (negativ, ej uppfyllt), indicators not met or with a negative trend,
 * activities delayed or cancelled (as a whole or in a part), and assignments not done whose end date is
 * past or within `ASSIGNMENT_NEAR_END_DAYS` of the meeting, the soonest first.
 */
export function meetingBasis(input: MeetingBasisInputs): MeetingBasis {
  const scope = unitAndBelow(input.units, input.unitId);
  const ours = <T extends { unitId: string; removedAt?: string | null }>(records: readonly T[]) => records.filter((r) => isInPlan(r) && scope.has(r.unitId));

  const goals = ownGoals(ours(input.goals)).flatMap((goal) => {
    const assessment = reportedFor(input.assessments.filter((a) => a.goalId === goal.id), input.period);
    return assessment && (assessment.assessment === 'negativ' || assessment.assessment === 'ej uppfyllt') ? [{ goal, assessment }] : [];
  });

  const outcomesOf = new Map<string, Outcome[]>();
  for (const o of input.outcomes) outcomesOf.set(o.indicatorId, [...(outcomesOf.get(o.indicatorId) ?? []), o]);
  const indicators = ours(input.indicators).sort(byOrder).flatMap((indicator) => {
    const own = outcomesOf.get(indicator.id) ?? [];
    const reported = reportedFor(own.filter((o) => o.subSeriesKey === null && o.gender === 'T'), input.period);
    if (!reported) return [];
    const status = indicatorStatus(indicator, own, reported.period);
    return status.status === 'notMet' || status.trend === 'negativ' ? [{ indicator, status }] : [];
  });

  const activities = ours(input.activities).filter(isDelayed).sort(byOrder);

  const meetingDay = Date.parse(`${input.date}T00:00:00Z`);
  const assignments = ours(input.assignments)
    .filter((a) => a.endDate !== null && !DONE_ASSIGNMENT.test(a.status?.trim() ?? '') && Date.parse(`${a.endDate}T00:00:00Z`) - meetingDay <= ASSIGNMENT_NEAR_END_DAYS * DAY)
    .sort((a, b) => a.endDate!.localeCompare(b.endDate!) || (a.code ?? '').localeCompare(b.code ?? '', 'sv', { numeric: true }));

  return { goals, indicators, activities, assignments };
}
