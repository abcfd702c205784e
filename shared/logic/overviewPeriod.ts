import type { Period } from '../schemas/period.ts';
import { periodEnd } from './period.ts';
import { periodWithin } from './reportingPeriod.ts';

export interface OverviewPeriodChoice {
  /** The period the address asks for (`?period=`); empty when it names none. */
  asked: string;
  /** The plan's report points that have begun, the newest first. */
  points: readonly Period[];
  /** Every period the plan has data for (outcomes, assessments, activity statuses), the newest first. */
  withData: readonly Period[];
  today: Date;
}

/**
 * The period a committee screen opens on. A period in the address wins where the plan has it (a shared
 * link opens the same view). Otherwise the latest report point that has reporting: first one with
 * something reported for the point itself (an assessment of Delår 1, a delår outcome), then one that has
 * ended with something reported within it (the months of Delår 2). The latest month with data comes only
 * after them: goals are never assessed for a month, so a member opening on October would see nothing
 * assessed.
 */
export function overviewPeriod({ asked, points, withData, today }: OverviewPeriodChoice): Period | null {
  if (points.includes(asked) || withData.includes(asked)) return asked;
  const reported = points.find((point) => withData.includes(point));
  if (reported) return reported;
  const ended = points.filter((point) => periodEnd(point) < today);
  return ended.find((point) => withData.some((p) => periodWithin(p, point))) ?? withData[0] ?? points[0] ?? null;
}
