import type { Period } from '../schemas/period.ts';
import { parsePeriod } from './period.ts';

/**
 * Where each period stands on a chart's time axis, in months from the first: at the end of the period,
 * where the figure is reported. Delår 1 2023, Delår 1 2024 and Delår 2 2025 stand at 0, 12 and 28, so a
 * gap of a year and more reads as one, instead of the three standing equally apart.
 */
export function timePositions(periods: readonly Period[]): number[] {
  const ends = periods.map((period) => {
    const { year, lastMonth } = parsePeriod(period);
    return year * 12 + lastMonth;
  });
  const first = Math.min(...ends);
  return ends.map((end) => end - first);
}

/**
 * The positions that get a label, at least `minGap` apart (in the axis's units), the first and the
 * latest always: the latest is the one a member asks about, so an earlier label gives way to it.
 */
export function labelledPositions(positions: readonly number[], minGap: number): number[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  if (sorted.length <= 1) return sorted;
  const last = sorted.at(-1)!;
  const kept: number[] = [];
  for (const position of sorted) {
    const previous = kept.at(-1);
    if ((previous === undefined || position - previous >= minGap) && (position === last || last - position >= minGap)) kept.push(position);
  }
  if (kept.at(-1) !== last) kept.push(last);
  return kept;
}
