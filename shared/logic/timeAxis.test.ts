import { describe, expect, it } from 'vitest';
import { labelledPositions, timePositions } from './timeAxis.ts';

describe('a chart’s time axis', () => {
  it('spaces periods by their dates, not by their order', () => {
    // Delår 1 2023 and 2024 a year apart, Delår 2 2025 sixteen months after that.
    expect(timePositions(['2023-T1', '2024-T1', '2025-T2'])).toEqual([0, 12, 28]);
  });

  it('places months, delår and years at the end of the months they cover', () => {
    expect(timePositions(['2024-01', '2024-04', '2024-T1', '2024-T2', '2024', '2025-03'])).toEqual([0, 3, 3, 7, 11, 14]);
    expect(timePositions(['2024-02..04', '2024-05..08'])).toEqual([0, 4]);
  });

  it('measures from the earliest period, whatever order the periods come in', () => {
    expect(timePositions(['2025', '2023'])).toEqual([24, 0]);
    expect(timePositions(['2024-T1'])).toEqual([0]);
  });

  it('labels positions at least the gap apart, keeping the first and the latest', () => {
    const months = Array.from({ length: 22 }, (_, i) => i);
    expect(labelledPositions(months, 1)).toEqual(months);
    expect(labelledPositions(months, 4)).toEqual([0, 4, 8, 12, 16, 21]);
    expect(labelledPositions([0, 12, 28], 10)).toEqual([0, 12, 28]);
    expect(labelledPositions([0, 12, 14], 10)).toEqual([0, 14]);
    expect(labelledPositions([5], 10)).toEqual([5]);
    expect(labelledPositions([], 10)).toEqual([]);
  });
});
