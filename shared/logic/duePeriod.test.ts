import { describe, expect, it } from 'vitest';
import { duePeriod, recentPeriods } from './duePeriod.ts';

const on = (iso: string) => new Date(`${iso}T12:00:00`);

describe('the period due for reporting', () => {
  it('is last month for a monthly indicator', () => {
    expect(duePeriod(['månad', 'delår', 'år'], on('2026-11-23'))).toBe('2026-10');
    expect(duePeriod(['månad'], on('2026-01-10'))).toBe('2025-12');
  });

  it('is the latest ended delår for one reported per delår', () => {
    expect(duePeriod(['delår', 'år'], on('2026-11-23'))).toBe('2026-T2');
    expect(duePeriod(['delår'], on('2026-06-01'))).toBe('2026-T1');
    expect(duePeriod(['delår'], on('2026-03-01'))).toBe('2025-T2');
  });

  it('is last year for a yearly one, and none without a frequency', () => {
    expect(duePeriod(['år'], on('2026-11-23'))).toBe('2025');
    expect(duePeriod(['vartannat år'], on('2026-11-23'))).toBe('2025');
    expect(duePeriod([], on('2026-11-23'))).toBeNull();
  });
});

describe('the periods offered for reporting', () => {
  it('are the due one and those just before it, at the same frequency', () => {
    expect(recentPeriods('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(recentPeriods('2026-T2')).toEqual(['2026-T2', '2026-T1', '2025-T2']);
    expect(recentPeriods('2026-T1')).toEqual(['2026-T1', '2025-T2', '2025-T1']);
    expect(recentPeriods('2025')).toEqual(['2025', '2024', '2023']);
  });
});
