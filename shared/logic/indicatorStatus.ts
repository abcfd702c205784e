import type { Indicator } from '../schemas/indicator.ts';
import type { Outcome } from '../schemas/outcome.ts';
import type { Period } from '../schemas/period.ts';
import type { TargetStatus, Trend } from '../schemas/target.ts';
import { comparePeriods, parsePeriod, previousComparable } from './period.ts';
import { evaluateTarget } from './target.ts';

export interface IndicatorStatus {
  outcome: Outcome | null;
  previous: Outcome | null;
  status: TargetStatus;
  trend: Trend | null;
  /** What the trend was judged against: the same period a year earlier, or (for a first outcome) the baseline. */
  trendAgainst: 'previous' | 'baseline' | null;
}

/**
 * The baseline's value, where it is for a period like the outcome's (the same months, earlier): then a
 * first outcome's trend can be judged against it.
 */
function comparableBaseline(indicator: Indicator, period: Period): number | null {
  const baseline = indicator.baseline;
  if (baseline?.value === null || baseline?.value === undefined || !baseline.period) return null;
  const [a, b] = [parsePeriod(baseline.period), parsePeriod(period)];
  const alike = a.kind === b.kind && a.firstMonth === b.firstMonth && a.lastMonth === b.lastMonth;
  return alike && comparePeriods(baseline.period, period) < 0 ? baseline.value : null;
}

/**
 * How an indicator stands for a period (or its latest period with a value): the total series (no
 * sub-series, both genders) against the target, and the trend against the same period a year earlier.
 */
export function indicatorStatus(indicator: Indicator, outcomes: readonly Outcome[], period: Period | null = null): IndicatorStatus {
  const total = outcomes.filter((o) => o.indicatorId === indicator.id && o.subSeriesKey === null && o.gender === 'T');
  const outcome = period ? (total.find((o) => o.period === period) ?? null) : latest(total);
  const previous = outcome ? (total.find((o) => o.period === previousComparable(outcome.period)) ?? null) : null;
  const baseline = outcome && !previous ? comparableBaseline(indicator, outcome.period) : null;
  const against = previous ? 'previous' : baseline !== null ? 'baseline' : null;
  if (!indicator.target) return { outcome, previous, status: 'noData', trend: null, trendAgainst: null };
  const { status, trend } = evaluateTarget({
    target: indicator.target,
    direction: indicator.direction,
    value: outcome?.value ?? null,
    previous: previous?.value ?? baseline,
    nationalAverage: outcome?.nationalAverage ?? null,
  });
  return { outcome, previous, status, trend, trendAgainst: trend ? against : null };
}

function latest(outcomes: readonly Outcome[]): Outcome | null {
  return outcomes.reduce<Outcome | null>((best, o) => (!best || comparePeriods(o.period, best.period) > 0 ? o : best), null);
}
