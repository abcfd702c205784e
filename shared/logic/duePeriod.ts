import { parsePeriod } from './period.ts';
import type { Frequency, Period } from '../schemas/period.ts';

const pad = (month: number) => String(month).padStart(2, '0');

/**
 * The period an indicator should be reported for now: the latest one that has ended, at the finest
 * frequency the indicator has (a month before a delår before a year). Delår are cumulative from January
 * and end with April (T1) and August (T2); the full year is reported as the year itself.
 */
export function duePeriod(frequencies: readonly Frequency[], today: Date): Period | null {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  if (frequencies.includes('månad')) return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  if (frequencies.includes('delår')) return month > 8 ? `${year}-T2` : month > 4 ? `${year}-T1` : `${year - 1}-T2`;
  if (frequencies.length > 0) return `${year - 1}`;
  return null;
}

/** The due period and the ones just before it at the same frequency, newest first, so a late report is one tap away. */
export function recentPeriods(due: Period, count = 6): Period[] {
  const { kind, year, part } = parsePeriod(due);
  if (kind === 'month' && part !== null) {
    return Array.from({ length: count }, (_, i) => {
      const monthIndex = year * 12 + (part - 1) - i;
      return `${Math.floor(monthIndex / 12)}-${pad((monthIndex % 12) + 1)}`;
    });
  }
  if (kind === 'tertial') return part === 2 ? [due, `${year}-T1`, `${year - 1}-T2`] : [due, `${year - 1}-T2`, `${year - 1}-T1`];
  return Array.from({ length: Math.min(count, 3) }, (_, i) => `${year - i}`);
}
