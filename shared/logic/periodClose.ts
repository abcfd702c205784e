import type { Closure, ReportPoint } from '../schemas/calendar.ts';
import type { Period } from '../schemas/period.ts';
import type { Plan } from '../schemas/plan.ts';
import { dayEnd, duePoint, planReportPoints } from './calendar.ts';
import { periodWithin } from './reportingPeriod.ts';

type ClosablePlan = Pick<Plan, 'startYear' | 'endYear'> & Partial<Pick<Plan, 'reportPoints' | 'monthlyDeadlineDay' | 'closures'>>;

/** Swedish regions are in one time zone; a date in a refusal reads as the controller saw it. */
const closedOn = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Stockholm' });

export const closureOf = (plan: ClosablePlan, period: Period): Closure | null => plan.closures?.find((c) => c.period === period) ?? null;

/**
 * The report point a change without a period of its own (an activity's status and comment, an
 * assignment's) is dated to, by when it was written: of the points after the last one closed by then,
 * the one being reported (open, or begun and late), else the next one due. An offline change written for
 * Delår 1 stays a Delår 1 change however late it arrives; one written after Delår 1 was closed belongs to
 * the next point. Null once the plan's reporting is over.
 */
export function pointWrittenFor(plan: ClosablePlan, writtenAt: Date): ReportPoint | null {
  const points = planReportPoints(plan);
  let after = 0;
  points.forEach((point, index) => {
    const closure = closureOf(plan, point.period);
    if (closure && new Date(closure.closedAt) <= writtenAt) after = index + 1;
  });
  const candidates = points.slice(after);
  return duePoint(candidates, writtenAt) ?? candidates.find((point) => writtenAt <= dayEnd(point.deadline)) ?? null;
}

/**
 * The closure a change runs into, or null. A change dated to a period (an outcome, an assessment) is
 * stopped by every closed point whose period holds it: closing Delår 2 (January–August) closes April's
 * outcome too. A change dated by time is stopped when the point it was written for has been closed since.
 */
export function closureStopping(plan: ClosablePlan, change: { period: Period | null; writtenAt: Date }): { point: ReportPoint; closure: Closure } | null {
  const points = planReportPoints(plan);
  const closed = (point: ReportPoint | undefined | null) => {
    const closure = point ? closureOf(plan, point.period) : null;
    return point && closure ? { point, closure } : null;
  };
  if (change.period === null) return closed(pointWrittenFor(plan, change.writtenAt));
  for (const point of points) {
    const found = closed(point);
    if (found && periodWithin(change.period, point.period)) return found;
  }
  return null;
}

/** Why the change was not stored, for its author: which point, when and by whom it was closed. */
export function closedMessage(stopped: { point: ReportPoint; closure: Closure }): string {
  const { point, closure } = stopped;
  return `${point.name} stängdes ${closedOn.format(new Date(closure.closedAt))} av ${closure.closedBy}. Ändringen sparades inte på servern men finns kvar på enheten – kopiera texten eller be en controller öppna perioden igen.`;
}

/**
 * What a plan's calendar says of a change: the point a change dated by time was written for (null for one
 * dated by its own period), and why it may not be written, if a closed point holds it.
 */
export function datedChange(plan: ClosablePlan, ownPeriod: Period | null, writtenAt: Date): { period: Period | null; refusal: string | null } {
  const stopped = closureStopping(plan, { period: ownPeriod, writtenAt });
  return { period: ownPeriod === null ? (pointWrittenFor(plan, writtenAt)?.period ?? null) : null, refusal: stopped ? closedMessage(stopped) : null };
}

/** The points still open for writing: those no closed point holds. */
export const openPoints = (plan: ClosablePlan, points: readonly ReportPoint[]): ReportPoint[] =>
  points.filter((point) => !closureStopping(plan, { period: point.period, writtenAt: new Date() }));
