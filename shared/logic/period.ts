import type { Period, PeriodKind } from '../schemas/period.ts';

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** Tertial 1–3 or month 1–12; null for a year. */
  part: number | null;
}

export function parsePeriod(period: Period): ParsedPeriod {
  const year = Number(period.slice(0, 4));
  if (period.length === 4) return { kind: 'year', year, part: null };
  if (period[5] === 'T') return { kind: 'tertial', year, part: Number(period.slice(6)) };
  return { kind: 'month', year, part: Number(period.slice(5)) };
}

/** The last month a period covers (delår are cumulative from January: T1 ends in April, T2 in August). */
function lastMonth({ kind, part }: ParsedPeriod): number {
  if (kind === 'year' || part === null) return 12;
  return kind === 'tertial' ? part * 4 : part;
}

/** The last moment of the period, in UTC. */
export function periodEnd(period: Period): Date {
  const parsed = parsePeriod(period);
  return new Date(Date.UTC(parsed.year, lastMonth(parsed), 1) - 1);
}

/** The period a trend is measured against: the same period a year earlier, as the delårsrapport compares. */
export function previousComparable(period: Period): Period {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** Orders periods by when they end; at the same end, a longer period (year) after a shorter one. */
export function comparePeriods(a: Period, b: Period): number {
  const byEnd = periodEnd(a).getTime() - periodEnd(b).getTime();
  if (byEnd !== 0) return byEnd;
  const rank: Record<PeriodKind, number> = { month: 0, tertial: 1, year: 2 };
  return rank[parsePeriod(a).kind] - rank[parsePeriod(b).kind];
}
