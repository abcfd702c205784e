import type { ReportPoint } from '../schemas/calendar.ts';
import type { Frequency } from '../schemas/period.ts';
import type { Plan } from '../schemas/plan.ts';
import { comparePeriods, lastMonthStart, parsePeriod, periodOfMonths } from './period.ts';

type CalendarPlan = Pick<Plan, 'startYear' | 'endYear'> & Partial<Pick<Plan, 'reportPoints' | 'monthlyDeadlineDay'>>;

/** The day of the following month a month's outcomes are due by, where a plan does not say. */
export const USUAL_MONTHLY_DEADLINE_DAY = 15;

const pad = (n: number) => String(n).padStart(2, '0');
const years = (plan: CalendarPlan) => Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);

/**
 * The usual Swedish rhythm, for a plan that states no calendar of its own: delår 1 (January–April) and
 * delår 2 (January–August), cumulative from January, and the year in the årsredovisning.
 */
function usualPoints(plan: CalendarPlan): ReportPoint[] {
  return years(plan).flatMap((year) => [
    { period: `${year}-T1`, name: `Delår 1 ${year}`, deadline: `${year}-05-15` },
    { period: `${year}-T2`, name: `Delår 2 ${year}`, deadline: `${year}-09-15` },
    { period: `${year}`, name: `Helår ${year}`, deadline: `${year + 1}-02-15` },
  ]);
}

const byEnd = (a: ReportPoint, b: ReportPoint) => comparePeriods(a.period, b.period);

/** The points a plan is reported at (delår, tertial, year …), in time order; the usual ones where it states none. */
export function planReportPoints(plan: CalendarPlan): ReportPoint[] {
  const own = plan.reportPoints ?? [];
  return [...(own.length > 0 ? own : usualPoints(plan))].sort(byEnd);
}

/** Every month of the plan's years, each due on the plan's day of the following month. */
export function monthlyPoints(plan: CalendarPlan): ReportPoint[] {
  const day = pad(plan.monthlyDeadlineDay ?? USUAL_MONTHLY_DEADLINE_DAY);
  return years(plan).flatMap((year) =>
    Array.from({ length: 12 }, (_, m) => {
      const next = m === 11 ? `${year + 1}-01` : `${year}-${pad(m + 2)}`;
      return { period: periodOfMonths(year, m + 1, m + 1), name: '', deadline: `${next}-${day}` };
    }),
  );
}

const isYear = (point: ReportPoint) => parsePeriod(point.period).kind === 'year';

/**
 * The points an indicator reported at `frequencies` is reported at: every month for a monthly one, the
 * plan's points within the year for delår, its year points for a yearly one (the year of each of the
 * plan's years, where the calendar has none).
 */
export function pointsForFrequencies(plan: CalendarPlan, frequencies: readonly Frequency[]): ReportPoint[] {
  const points = planReportPoints(plan);
  const found: ReportPoint[] = [];
  if (frequencies.includes('månad')) found.push(...monthlyPoints(plan));
  if (frequencies.includes('delår')) found.push(...points.filter((p) => !isYear(p)));
  if (frequencies.some((f) => f === 'år' || f === 'vartannat år' || f === 'vart fjärde år')) {
    const yearly = points.filter(isYear);
    found.push(...(yearly.length > 0 ? yearly : usualPoints(plan).filter(isYear)));
  }
  return [...new Map(found.map((p) => [p.period, p])).values()].sort(byEnd);
}

/** The points a goal is assessed at: the plan's own points, not the months. */
export const assessmentPoints = (plan: CalendarPlan) => planReportPoints(plan);

/** The last moment of a deadline day. */
export const dayEnd = (date: string) => new Date(`${date}T23:59:59.999Z`);

/** From the start of a point's last month (a December report is written in December) until its deadline. */
export const isOpen = (point: ReportPoint, today: Date) => lastMonthStart(point.period) <= today && today <= dayEnd(point.deadline);

/** Whether the plan's reporting is over: its last point's deadline has passed. A finished plan asks for nothing. */
export function isFinished(points: readonly ReportPoint[], today: Date): boolean {
  const last = points.at(-1);
  return !last || today > dayEnd(last.deadline);
}

/**
 * The point to report for now: of those open, the one due soonest; with none open, the latest that has
 * begun (a late report); nothing once the plan is finished.
 */
export function duePoint(points: readonly ReportPoint[], today: Date): ReportPoint | null {
  if (isFinished(points, today)) return null;
  const open = points.filter((p) => isOpen(p, today)).sort((a, b) => a.deadline.localeCompare(b.deadline));
  if (open[0]) return open[0];
  return [...points].reverse().find((p) => lastMonthStart(p.period) <= today) ?? null;
}

/**
 * The point a dialogue meeting held on `date` discusses, for its form to offer first: the latest one
 * reported by then (its deadline passed), else the one being reported, else the plan's first.
 */
export function discussedPoint(points: readonly ReportPoint[], date: Date): ReportPoint | null {
  const day = date.toISOString().slice(0, 10);
  const reported = points.filter((p) => p.deadline <= day).sort((a, b) => a.deadline.localeCompare(b.deadline)).at(-1);
  return reported ?? [...points].reverse().find((p) => lastMonthStart(p.period) <= date) ?? points[0] ?? null;
}

/** The points a form offers: those that have begun their last month, the newest first (a late report or a correction is a tap away). */
export function offeredPoints(points: readonly ReportPoint[], today: Date, count = 8): ReportPoint[] {
  return [...points]
    .filter((p) => lastMonthStart(p.period) <= today)
    .reverse()
    .slice(0, count);
}

/** Whole days from `today` until the end of a point's deadline day (negative once it has passed). */
export function daysLeft(point: ReportPoint, today: Date): number {
  return Math.floor((dayEnd(point.deadline).getTime() - today.getTime()) / 86_400_000);
}
