import type { Period, PeriodKind } from '../schemas/period.ts';

export interface ParsedPeriod {
  kind: PeriodKind;
  year: number;
  /** Delår 1–3 or month 1–12; null for a year or a run of months. */
  part: number | null;
  /** The first and last month (1–12) the period covers. */
  firstMonth: number;
  lastMonth: number;
}

export function parsePeriod(period: Period): ParsedPeriod {
  const year = Number(period.slice(0, 4));
  if (period.length === 4) return { kind: 'year', year, part: null, firstMonth: 1, lastMonth: 12 };
  if (period[5] === 'T') {
    const part = Number(period.slice(6));
    return { kind: 'tertial', year, part, firstMonth: 1, lastMonth: part * 4 };
  }
  const first = Number(period.slice(5, 7));
  if (period.length > 7) return { kind: 'span', year, part: null, firstMonth: first, lastMonth: Number(period.slice(9, 11)) };
  return { kind: 'month', year, part: first, firstMonth: first, lastMonth: first };
}

const pad = (month: number) => String(month).padStart(2, '0');

/** The code of the months `first`–`last` of a year, the shortest that names them (`2024-T1`, not `2024-01..04`). */
export function periodOfMonths(year: number, first: number, last: number): Period {
  if (first === last) return `${year}-${pad(first)}`;
  if (first === 1 && last === 12) return `${year}`;
  if (first === 1 && (last === 4 || last === 8)) return `${year}-T${last / 4}`;
  return `${year}-${pad(first)}..${pad(last)}`;
}

/** The first moment of the period, in UTC. */
export function periodStart(period: Period): Date {
  const { year, firstMonth } = parsePeriod(period);
  return new Date(Date.UTC(year, firstMonth - 1, 1));
}

/** The last moment of the period, in UTC. */
export function periodEnd(period: Period): Date {
  const { year, lastMonth } = parsePeriod(period);
  return new Date(Date.UTC(year, lastMonth, 1) - 1);
}

/** The start of the period's last month: from then on, the period can be reported. */
export function lastMonthStart(period: Period): Date {
  const { year, lastMonth } = parsePeriod(period);
  return new Date(Date.UTC(year, lastMonth - 1, 1));
}

/** The period a trend is measured against: the same period a year earlier, as the delårsrapport compares. */
export function previousComparable(period: Period): Period {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** Orders periods by when they end; at the same end, a longer period (the year) after a shorter one. */
export function comparePeriods(a: Period, b: Period): number {
  const byEnd = periodEnd(a).getTime() - periodEnd(b).getTime();
  if (byEnd !== 0) return byEnd;
  const length = (p: Period) => {
    const { firstMonth, lastMonth } = parsePeriod(p);
    return lastMonth - firstMonth;
  };
  return length(a) - length(b);
}
