import { parsePeriod } from '@shared/logic/period.ts';
import type { Period } from '@shared/schemas/period.ts';

const shortMonth = new Intl.DateTimeFormat('sv-SE', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** A period short enough for a chart's axis: `jan. 25`, `D1 2024`, `2024`. */
export function shortPeriodLabel(period: Period): string {
  const { kind, year, part, firstMonth, lastMonth } = parsePeriod(period);
  if (kind === 'month' && part !== null) return shortMonth.format(new Date(Date.UTC(year, part - 1, 1)));
  if (kind === 'tertial') return `D${part} ${year}`;
  if (kind === 'span') return `${firstMonth}–${lastMonth}/${String(year).slice(2)}`;
  return String(year);
}
