import type { Measure } from '@shared/schemas/indicator.ts';
import type { Period } from '@shared/schemas/period.ts';
import { parsePeriod } from '@shared/logic/period.ts';
import { t } from './strings/index.ts';

const LOCALE = 'sv-SE';
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const date = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const month = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });

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
    case 'antal':
      return whole.format(value);
    case 'kvot':
    case 'index':
    case 'poäng':
      return upToOneDecimal.format(value);
    default:
      return `${upToOneDecimal.format(value)} ${measure}`;
  }
}

export function formatPeriod(period: Period): string {
  const { kind, year, part } = parsePeriod(period);
  if (kind === 'tertial' && part !== null) return t.period.tertial(part, year);
  if (kind === 'month' && part !== null) return month.format(new Date(Date.UTC(year, part - 1, 1)));
  return t.period.year(year);
}

export const formatDate = (value: Date | string) => date.format(new Date(value));
export const formatDateTime = (value: Date | string) => dateTime.format(new Date(value));
