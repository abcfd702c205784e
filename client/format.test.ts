import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, formatValue } from './format.ts';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('sv-SE formatting', () => {
  it('writes values as Swedish reports do', () => {
    expect(nbsp(formatValue(94, '%'))).toBe('94,0 %');
    expect(nbsp(formatValue(1235, 'mnkr'))).toBe('1 235 mnkr');
    expect(formatValue(11 + 35 / 60, 'minuter')).toBe('11:35 min');
    expect(nbsp(formatValue(520, 'kr/tim'))).toBe('520 kr/tim');
    expect(nbsp(formatValue(-622, 'mnkr'))).toBe('−622 mnkr');
  });

  it('names periods in Swedish', () => {
    expect(formatPeriod('2024-T1')).toBe('Delår 1 2024');
    expect(formatPeriod('2024-04')).toBe('april 2024');
    expect(formatPeriod('2025')).toBe('2025');
  });

  it('writes dates as 22 nov. 2026', () => {
    expect(formatDate('2026-11-22T12:00:00Z')).toBe('22 nov. 2026');
  });
});
