import { describe, expect, it } from 'vitest';
import { periodStart } from './period.ts';
import { chooseKind, distinctPeriods, periodKinds, periodWithin, reportedFor } from './reportingPeriod.ts';

describe('reporting periods', () => {
  it('starts a delår and a year in January, a month on its first day', () => {
    expect(periodStart('2024-T2').toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(periodStart('2024').toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(periodStart('2024-03').toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('knows which periods lie inside others', () => {
    expect(periodWithin('2024-03', '2024-T1')).toBe(true);
    expect(periodWithin('2024-05', '2024-T1')).toBe(false);
    expect(periodWithin('2024-T1', '2024-T2')).toBe(true);
    expect(periodWithin('2024-T2', '2024')).toBe(true);
    expect(periodWithin('2023-12', '2024')).toBe(false);
    expect(periodWithin('2024', '2024-T1')).toBe(false);
    expect(periodWithin('2024-T1', '2024-T1')).toBe(true);
  });

  it('reports a period by its own item first, else by the latest shorter one inside it, as Delår 1 2024 used March', () => {
    const items = [{ period: '2024-02' }, { period: '2024-03' }, { period: '2023-T1' }, { period: '2024-05' }];
    expect(reportedFor(items, '2024-T1')).toEqual({ period: '2024-03' });
    expect(reportedFor([...items, { period: '2024-T1' }], '2024-T1')).toEqual({ period: '2024-T1' });
    expect(reportedFor(items, '2023-T1')).toEqual({ period: '2023-T1' });
    expect(reportedFor(items, '2024-04')).toBeNull();
    expect(reportedFor(items, '2024')).toEqual({ period: '2024-05' });
    expect(reportedFor([], '2024')).toBeNull();
  });

  it('lists each period once, the newest first, and the kinds present, the finest first', () => {
    expect(distinctPeriods(['2023-T1', '2024-T1', '2024-03', '2024-T1', '2023'])).toEqual(['2024-T1', '2024-03', '2023', '2023-T1']);
    expect(periodKinds(['2024', '2024-T1'])).toEqual(['tertial', 'year']);
    expect(periodKinds([])).toEqual([]);
  });

  it('chooses the kind asked for when there is data of it, else the one with the most periods', () => {
    const periods = ['2025-01', '2025-02', '2025-03', '2025-T1', '2025'];
    expect(chooseKind(periods, 'tertial')).toBe('tertial');
    expect(chooseKind(periods, null)).toBe('month');
    expect(chooseKind(['2024-T1', '2023-T1', '2024-03'], 'year')).toBe('tertial');
    expect(chooseKind(['2024', '2024-T1'], null)).toBe('tertial');
    expect(chooseKind([], 'month')).toBeNull();
  });
});
