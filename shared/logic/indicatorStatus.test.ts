import { describe, expect, it } from 'vitest';
import { indicator, outcome } from '../../tests/fixtures/planRecords.ts';
import { indicatorStatus } from './indicatorStatus.ts';

describe('a first outcome', () => {
  const withBaseline = (period: string) => indicator('Andel besök inom 90 dagar', '90 %', { baseline: { value: 70, text: '70 %', period, note: null } });

  it('is judged against the baseline when the baseline is for a like, earlier period', () => {
    const i = withBaseline('2024');
    expect(indicatorStatus(i, [outcome(i.id, '2025', 80)], '2025')).toMatchObject({ trend: 'positiv', trendAgainst: 'baseline', previous: null });
    const j = withBaseline('2024-T1');
    expect(indicatorStatus(j, [outcome(j.id, '2025-T1', 60)], '2025-T1')).toMatchObject({ trend: 'negativ', trendAgainst: 'baseline' });
  });

  it('has no trend against a baseline of another kind of period', () => {
    const i = withBaseline('2024');
    expect(indicatorStatus(i, [outcome(i.id, '2025-T1', 80)], '2025-T1')).toMatchObject({ trend: null, trendAgainst: null });
  });

  it('is judged against the year before once there is one', () => {
    const i = withBaseline('2023');
    expect(indicatorStatus(i, [outcome(i.id, '2024', 90), outcome(i.id, '2025', 80)], '2025')).toMatchObject({ trend: 'negativ', trendAgainst: 'previous' });
  });
});
