import type { Indicator } from '../schemas/indicator.ts';
import type { Outcome } from '../schemas/outcome.ts';
import type { Period } from '../schemas/period.ts';
import type { TargetStatus, Trend } from '../schemas/target.ts';
import { comparePeriods, previousComparable } from './period.ts';
import { evaluateTarget } from './target.ts';

export interface IndicatorStatus {
  outcome: Outcome | null;
  previous: Outcome | null;
  status: TargetStatus;
  trend: Trend | null;
}

/**
 * How an indicator stands for a period (or its latest period with a value): the total series (no
 * sub-series, both genders) against the target, and the trend against the same period a year earlier.
 */
export function indicatorStatus(indicator: Indicator, outcomes: readonly Outcome[], period: Period | null = null): IndicatorStatus {
  const total = outcomes.filter((o) => o.indicatorId === indicator.id && o.subSeriesKey === null && o.gender === 'T');
  const outcome = period ? (total.find((o) => o.period === period) ?? null) : latest(total);
  const previous = outcome ? (total.find((o) => o.period === previousComparable(outcome.period)) ?? null) : null;
  if (!indicator.target) return { outcome, previous, status: 'noData', trend: null };
  const { status, trend } = evaluateTarget({
    target: indicator.target,
    direction: indicator.direction,
    value: outcome?.value ?? null,
    previous: previous?.value ?? null,
    nationalAverage: outcome?.nationalAverage ?? null,
  });
  return { outcome, previous, status, trend };
}

function latest(outcomes: readonly Outcome[]): Outcome | null {
  return outcomes.reduce<Outcome | null>((best, o) => (!best || comparePeriods(o.period, best.period) > 0 ? o : best), null);
}
