import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { PeriodSchema } from '../schemas/period.ts';
import { comparePeriods, parsePeriod, periodEnd, periodOfMonths, periodStart, previousComparable } from './period.ts';

describe('periods', () => {
  it('reads years, tertials and months', () => {
    expect(parsePeriod('2024')).toEqual({ kind: 'year', year: 2024, part: null, firstMonth: 1, lastMonth: 12 });
    expect(parsePeriod('2024-T1')).toEqual({ kind: 'tertial', year: 2024, part: 1, firstMonth: 1, lastMonth: 4 });
    expect(parsePeriod('2024-04')).toEqual({ kind: 'month', year: 2024, part: 4, firstMonth: 4, lastMonth: 4 });
    expect(parsePeriod('2024-05..08')).toEqual({ kind: 'span', year: 2024, part: null, firstMonth: 5, lastMonth: 8 });
  });

  it('names a run of months by the shortest code, so one interval has one name', () => {
    expect(periodOfMonths(2024, 1, 4)).toBe('2024-T1');
    expect(periodOfMonths(2024, 1, 8)).toBe('2024-T2');
    expect(periodOfMonths(2024, 1, 12)).toBe('2024');
    expect(periodOfMonths(2024, 5, 8)).toBe('2024-05..08');
    expect(periodOfMonths(2024, 9, 9)).toBe('2024-09');
    expect(v.is(PeriodSchema, '2024-05..08')).toBe(true);
    for (const other of ['2024-01..04', '2024-01..12', '2024-08..05', '2024-05..05', '2024-13', '2024-T4']) expect(v.is(PeriodSchema, other), other).toBe(false);
  });

  it('starts and ends a non-cumulative tertial with its own months', () => {
    expect(periodStart('2024-05..08').toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(periodEnd('2024-05..08').toISOString()).toBe('2024-08-31T23:59:59.999Z');
    expect(previousComparable('2024-05..08')).toBe('2023-05..08');
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
    const sorted = ['2024', '2024-T1', '2023-12', '2024-04', '2024-T2', '2024-05..08', '2024-09..12'].sort(comparePeriods);
    expect(sorted).toEqual(['2023-12', '2024-04', '2024-T1', '2024-05..08', '2024-T2', '2024-09..12', '2024']);
  });
});
