import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, periodEnd, previousComparable } from './period.ts';

describe('periods', () => {
  it('reads years, tertials and months', () => {
    expect(parsePeriod('2024')).toEqual({ kind: 'year', year: 2024, part: null });
    expect(parsePeriod('2024-T1')).toEqual({ kind: 'tertial', year: 2024, part: 1 });
    expect(parsePeriod('2024-04')).toEqual({ kind: 'month', year: 2024, part: 4 });
  });

  it('ends a delår at the end of its last month, cumulative from January', () => {
    expect(periodEnd('2024-T1').toISOString()).toBe('2024-04-30T23:59:59.999Z');
    expect(periodEnd('2024-T2').toISOString()).toBe('2024-08-31T23:59:59.999Z');
    expect(periodEnd('2024-02').toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(periodEnd('2023').toISOString()).toBe('2023-12-31T23:59:59.999Z');
  });

  it('compares with the same period a year earlier', () => {
    expect(previousComparable('2024-T1')).toBe('2023-T1');
    expect(previousComparable('2026-03')).toBe('2025-03');
    expect(previousComparable('2025')).toBe('2024');
  });

  it('orders periods by their end', () => {
    const sorted = ['2024', '2024-T1', '2023-12', '2024-04', '2024-T2'].sort(comparePeriods);
    expect(sorted).toEqual(['2023-12', '2024-04', '2024-T1', '2024-T2', '2024']);
  });
});
