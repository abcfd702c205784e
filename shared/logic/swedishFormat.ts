import type { Measure } from '../schemas/indicator.ts';
import type { Period } from '../schemas/period.ts';
import { parsePeriod } from './period.ts';

/**
 * Values and periods as Swedish reports write them, the same on a screen, in a PDF and in a spreadsheet's
 * text: `94,0 %`, `1 235 mnkr`, `11:35 min`, `Delår 1 2024`, `maj–augusti 2025`.
 */
const LOCALE = 'sv-SE';
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const month = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat(LOCALE, { month: 'long', timeZone: 'UTC' });

/** A value the way Swedish reports write it: `94,0 %`, `1 235 mnkr`, `11:35 min`. */
export function formatValue(value: number, measure: Measure): string {
  switch (measure) {
    case '%':
      return `${oneDecimal.format(value)} %`;
    case 'minuter': {
      const totalSeconds = Math.round(value * 60);
      const sign = totalSeconds < 0 ? '−' : '';
      const abs = Math.abs(totalSeconds);
      return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')} min`;
    }
    // A count per 100 beds (1,2 against "<1") loses its point rounded to whole; a whole count shows no decimals anyway.
    case 'antal':
    case 'kvot':
    case 'index':
    case 'poäng':
      return upToOneDecimal.format(value);
    default:
      return `${upToOneDecimal.format(value)} ${measure}`;
  }
}

export function formatPeriod(period: Period): string {
  const { kind, year, part, firstMonth, lastMonth } = parsePeriod(period);
  if (kind === 'tertial' && part !== null) return `Delår ${part} ${year}`;
  if (kind === 'month' && part !== null) return month.format(new Date(Date.UTC(year, part - 1, 1)));
  if (kind === 'span') return `${monthName.format(new Date(Date.UTC(year, firstMonth - 1, 1)))}–${monthName.format(new Date(Date.UTC(year, lastMonth - 1, 1)))} ${year}`;
  return `${year}`;
}
