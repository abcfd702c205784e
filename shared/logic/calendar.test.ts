import { describe, expect, it } from 'vitest';
import type { ReportPoint } from '../schemas/calendar.ts';
import { discussedPoint, duePoint, isFinished, monthlyPoints, offeredPoints, planReportPoints, pointsForFrequencies } from './calendar.ts';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const periods = (points: ReportPoint[]) => points.map((p) => p.period);

describe('a plan with the usual calendar', () => {
  const plan = { startYear: 2025, endYear: 2027 };

  it('reports delår 1, delår 2 and the year of each of its years', () => {
    expect(periods(planReportPoints(plan))).toEqual(['2025-T1', '2025-T2', '2025', '2026-T1', '2026-T2', '2026', '2027-T1', '2027-T2', '2027']);
  });

  it('asks a delår indicator for the delår just past, late, until the next one opens', () => {
    const points = pointsForFrequencies(plan, ['delår']);
    expect(duePoint(points, at('2026-05-02'))?.period).toBe('2026-T1');
    expect(duePoint(points, at('2026-12-02'))?.period).toBe('2026-T2');
  });

  it('offers a dialogue meeting the point reported last before its date, else the one being reported, else the first', () => {
    const points = planReportPoints(plan);
    expect(discussedPoint(points, at('2025-06-10'))?.period).toBe('2025-T1');
    expect(discussedPoint(points, at('2026-02-20'))?.period).toBe('2025');
    expect(discussedPoint(points, at('2025-04-20'))?.period).toBe('2025-T1');
    expect(discussedPoint(points, at('2025-02-20'))?.period).toBe('2025-T1');
    expect(discussedPoint(points, at('2029-01-01'))?.period).toBe('2027');
  });

  it('asks a monthly indicator for the month just ended before the one running', () => {
    expect(duePoint(pointsForFrequencies(plan, ['månad']), at('2026-12-02'))?.period).toBe('2026-11');
    expect(monthlyPoints({ ...plan, monthlyDeadlineDay: 10 }).find((p) => p.period === '2026-12')?.deadline).toBe('2027-01-10');
  });
});

describe('a plan reported in August and December only', () => {
  const plan = {
    startYear: 2025,
    endYear: 2026,
    reportPoints: [2025, 2026].flatMap((year) => [
      { period: `${year}-T2`, name: `Tertial 2 ${year}`, deadline: `${year}-09-10` },
      { period: `${year}`, name: `Tertial 3 ${year}`, deadline: `${year + 1}-01-20` },
    ]),
  };

  it('is asked for exactly those, within its years, and may choose December in December', () => {
    const delår = pointsForFrequencies(plan, ['delår']);
    expect(periods(delår)).toEqual(['2025-T2', '2026-T2']);
    expect(periods(pointsForFrequencies(plan, ['år']))).toEqual(['2025', '2026']);
    expect(duePoint(pointsForFrequencies(plan, ['år']), at('2026-12-02'))?.name).toBe('Tertial 3 2026');
    expect(periods(offeredPoints(planReportPoints(plan), at('2026-12-02')))).toEqual(['2026', '2026-T2', '2025', '2025-T2']);
    expect(periods(offeredPoints(planReportPoints(plan), at('2026-05-02')))).not.toContain('2026-T1');
  });
});

describe('a finished plan', () => {
  it('asks for nothing', () => {
    const points = pointsForFrequencies({ startYear: 2024, endYear: 2024 }, ['delår', 'år', 'månad']);
    expect(isFinished(points, at('2026-12-02'))).toBe(true);
    expect(duePoint(points, at('2026-12-02'))).toBeNull();
  });
});

describe('non-cumulative tertials', () => {
  it('are their own periods and are reported as such', () => {
    const plan = { startYear: 2026, endYear: 2026, reportPoints: [
      { period: '2026-T1', name: 'T1', deadline: '2026-05-10' },
      { period: '2026-05..08', name: 'T2', deadline: '2026-09-10' },
      { period: '2026-09..12', name: 'T3', deadline: '2027-01-15' },
    ] };
    expect(duePoint(pointsForFrequencies(plan, ['delår']), at('2026-09-01'))?.period).toBe('2026-05..08');
    expect(duePoint(pointsForFrequencies(plan, ['delår']), at('2026-12-02'))?.period).toBe('2026-09..12');
  });
});
