import { describe, expect, it } from 'vitest';
import { overviewPeriod } from './overviewPeriod.ts';

/** Förvaltningsplan 2025–2027's points that have begun by 7 December 2026, the newest first. */
const POINTS = ['2026', '2026-T2', '2026-T1', '2025', '2025-T2', '2025-T1'];
const MONTHS_2026 = ['2026-10', '2026-09', '2026-08', '2026-07', '2026-06', '2026-05', '2026-04', '2026-03', '2026-02', '2026-01'];
const today = new Date('2026-12-07T12:00:00Z');

describe('the period a committee screen opens on', () => {
  it('is the latest report point reported for itself, not the latest month with data', () => {
    const withData = [...MONTHS_2026.slice(0, 2), '2026-T2', ...MONTHS_2026.slice(2), '2026-T1', '2025', '2025-T2', '2025-T1'];
    expect(overviewPeriod({ asked: '', points: POINTS, withData, today })).toBe('2026-T2');
  });

  it('is a report point that has ended with months reported within it, where nothing is reported for a point itself', () => {
    expect(overviewPeriod({ asked: '', points: POINTS, withData: MONTHS_2026, today })).toBe('2026-T2');
    // The year 2026 has the months too, but it has not ended.
    expect(overviewPeriod({ asked: '', points: POINTS, withData: ['2026-11', '2026-06'], today })).toBe('2026-T2');
  });

  it('is the point whose goals were assessed, after which nothing was reported', () => {
    const plan2024 = ['2024', '2024-T2', '2024-T1'];
    expect(overviewPeriod({ asked: '', points: plan2024, withData: ['2024-T1', '2024-03', '2023-T1', '2023-03', '2023'], today })).toBe('2024-T1');
  });

  it('falls back to the latest period with data, then to the latest point', () => {
    expect(overviewPeriod({ asked: '', points: ['2026-T2'], withData: ['2026-10'], today: new Date('2026-08-15') })).toBe('2026-10');
    expect(overviewPeriod({ asked: '', points: ['2027-T1'], withData: [], today })).toBe('2027-T1');
    expect(overviewPeriod({ asked: '', points: [], withData: [], today })).toBeNull();
  });

  it('keeps a period the address asks for when the plan has it, and ignores one it has not', () => {
    expect(overviewPeriod({ asked: '2026-10', points: POINTS, withData: MONTHS_2026, today })).toBe('2026-10');
    expect(overviewPeriod({ asked: '2025-T1', points: POINTS, withData: MONTHS_2026, today })).toBe('2025-T1');
    expect(overviewPeriod({ asked: '2019', points: POINTS, withData: MONTHS_2026, today })).toBe('2026-T2');
    expect(overviewPeriod({ asked: 'drop table', points: POINTS, withData: MONTHS_2026, today })).toBe('2026-T2');
  });
});
