import type { Indicator } from '../schemas/indicator.ts';
import type { Outcome } from '../schemas/outcome.ts';
import type { Period } from '../schemas/period.ts';
import type { Target } from '../schemas/target.ts';
import { indicatorStatus, type IndicatorStatus } from './indicatorStatus.ts';
import { comparePeriods, parsePeriod } from './period.ts';
import { reportedFor } from './reportingPeriod.ts';

export interface KeyFigure {
  indicator: Indicator;
  /**
   * The total series' outcome reported for the period (it may be for a shorter period inside it, see
   * `reportedFor`), evaluated against the target, with the trend against the same period a year earlier.
   */
  status: IndicatorStatus;
  /** The total series up to that outcome, oldest first, at the same frequency: what a sparkline draws. */
  history: { period: Period; value: number }[];
}

const isTotal = (o: Outcome) => o.subSeriesKey === null && o.gender === 'T';

/**
 * A key figure as a committee reads it for one period. A delår is compared only with the same delår of
 * other years in the history: delår are cumulative from January, so Delår 1 next to Delår 2 would show
 * a jump that is only the longer period.
 */
export function keyFigure(indicator: Indicator, outcomes: readonly Outcome[], period: Period, historyLength = 12): KeyFigure {
  const total = outcomes.filter((o) => o.indicatorId === indicator.id && isTotal(o));
  const reported = reportedFor(total, period);
  const status = indicatorStatus(indicator, total, reported?.period ?? period);
  const until = reported?.period ?? period;
  const shape = parsePeriod(until);
  const history = total
    .filter((o) => {
      const p = parsePeriod(o.period);
      // Like periods only: every month, or the same delår (the same months) of other years.
      const like = p.kind === shape.kind && (p.kind === 'month' || (p.firstMonth === shape.firstMonth && p.lastMonth === shape.lastMonth));
      return like && comparePeriods(o.period, until) <= 0;
    })
    .sort((a, b) => comparePeriods(a.period, b.period))
    .slice(-historyLength)
    .map((o) => ({ period: o.period, value: o.value }));
  return { indicator, status, history };
}

/** The level a target line is drawn at: a målvärde that is a number ("90 %", "8 min", "<1"); none for a change or "rikssnittet". */
export function targetLevel(target: Target | null): number | null {
  return target?.kind === 'value' ? target.value : null;
}
