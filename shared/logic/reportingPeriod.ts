import type { Period, PeriodKind } from '../schemas/period.ts';
import { comparePeriods, parsePeriod, periodEnd, periodStart } from './period.ts';

/** Whether `inner` lies wholly inside `outer` (a period lies inside itself). */
export function periodWithin(inner: Period, outer: Period): boolean {
  return periodStart(inner) >= periodStart(outer) && periodEnd(inner) <= periodEnd(outer);
}

/**
 * The item reported for a period: the one for the period itself, else the latest one reported for a
 * shorter period inside it. Delårsrapport 1 2024 reports some key figures by March (`2024-03`) under
 * Delår 1 (`2024-T1`); the item keeps its own period, so the screen can say which one it is.
 */
export function reportedFor<T extends { period: Period }>(items: readonly T[], period: Period): T | null {
  const exact = items.find((item) => item.period === period);
  if (exact) return exact;
  return items.reduce<T | null>(
    (best, item) => (periodWithin(item.period, period) && (!best || comparePeriods(item.period, best.period) > 0) ? item : best),
    null,
  );
}

/** Each period once, the newest first. */
export function distinctPeriods(periods: Iterable<Period>): Period[] {
  return [...new Set(periods)].sort((a, b) => comparePeriods(b, a));
}

/** The kinds of period among `periods`, the finest first (month, delår, year). */
export function periodKinds(periods: Iterable<Period>): PeriodKind[] {
  const present = new Set([...periods].map((period) => parsePeriod(period).kind));
  return (['month', 'span', 'tertial', 'year'] as const).filter((kind) => present.has(kind));
}

/**
 * The kind of period to show a series by: the one asked for when there is data of it, else the one
 * with the most periods (the finest on a tie), or null with no data at all.
 */
export function chooseKind(periods: readonly Period[], preferred: PeriodKind | null): PeriodKind | null {
  const counts = new Map<PeriodKind, number>();
  for (const period of new Set(periods)) {
    const kind = parsePeriod(period).kind;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  if (preferred && counts.has(preferred)) return preferred;
  let best: PeriodKind | null = null;
  for (const kind of ['month', 'span', 'tertial', 'year'] as const) {
    if ((counts.get(kind) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = kind;
  }
  return best;
}
