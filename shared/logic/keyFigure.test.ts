import { describe, expect, it } from 'vitest';
import { indicator, outcome } from '../../tests/fixtures/planRecords.ts';
import { parseTarget } from './target.ts';
import { keyFigure, targetLevel } from './keyFigure.ts';

describe('a key figure for one period', () => {
  it('shows BUP, besök of Delår 1 2024 as the report did: 20,2 % against 90 %, not met, worse than 2023', () => {
    const bup = indicator('BUP, besök', '90 %');
    const figure = keyFigure(bup, [outcome(bup.id, '2023-T1', 51.3), outcome(bup.id, '2024-T1', 20.2)], '2024-T1');
    expect(figure.status.outcome?.value).toBe(20.2);
    expect(figure.status.status).toBe('notMet');
    expect(figure.status.trend).toBe('negativ');
    expect(figure.history).toEqual([
      { period: '2023-T1', value: 51.3 },
      { period: '2024-T1', value: 20.2 },
    ]);
  });

  it('reads a lower-is-better figure the right way round: 11:35 against 8 min is not met, but better than 15:01', () => {
    const wait = indicator('Medelväntetid 1177', '8 min', { measure: 'minuter', direction: 'lower' });
    const figure = keyFigure(wait, [outcome(wait.id, '2023-T1', 15 + 1 / 60), outcome(wait.id, '2024-T1', 11 + 35 / 60)], '2024-T1');
    expect(figure.status.status).toBe('notMet');
    expect(figure.status.trend).toBe('positiv');
  });

  it('takes a month reported under the delår, compares it with the same month a year earlier, and keeps its history monthly', () => {
    const beds = indicator('Beläggningsgrad', '87 %', { direction: 'lower' });
    const outcomes = [outcome(beds.id, '2023-03', 94), outcome(beds.id, '2024-02', 96), outcome(beds.id, '2024-03', 94), outcome(beds.id, '2024-06', 90)];
    const figure = keyFigure(beds, outcomes, '2024-T1');
    expect(figure.status.outcome?.period).toBe('2024-03');
    expect(figure.status.previous?.period).toBe('2023-03');
    expect(figure.status.trend).toBe('neutral');
    expect(figure.history.map((h) => h.period)).toEqual(['2023-03', '2024-02', '2024-03']);
  });

  it('keeps a delår’s history to the same delår of other years, and only the total series', () => {
    const count = indicator('Påbörjade behandlingar', '450', { measure: 'antal' });
    const outcomes = [
      outcome(count.id, '2025-T1', 120),
      outcome(count.id, '2025-T2', 260),
      outcome(count.id, '2026-T1', 140),
      outcome(count.id, '2026-T1', 70, { gender: 'K' }),
      outcome(count.id, '2026-T1', 50, { subSeriesKey: 'x' }),
    ];
    const figure = keyFigure(count, outcomes, '2026-T1');
    expect(figure.history).toEqual([
      { period: '2025-T1', value: 120 },
      { period: '2026-T1', value: 140 },
    ]);
    expect(figure.status.outcome?.value).toBe(140);
  });

  it('has no outcome and no data for a period nothing was reported for, and keeps the history before it', () => {
    const bup = indicator('BUP, besök', '90 %');
    const figure = keyFigure(bup, [outcome(bup.id, '2024-T1', 20.2), outcome(bup.id, '2026-T1', 30)], '2025-T1');
    expect(figure.status).toMatchObject({ outcome: null, status: 'noData', trend: null });
    expect(figure.history).toEqual([{ period: '2024-T1', value: 20.2 }]);
  });

  it('draws a target line only for a målvärde that is a number', () => {
    expect(targetLevel(parseTarget('90 %'))).toBe(90);
    expect(targetLevel(parseTarget('<1'))).toBe(1);
    expect(targetLevel(parseTarget('Öka'))).toBeNull();
    expect(targetLevel(parseTarget('Bättre än rikssnittet'))).toBeNull();
    expect(targetLevel(null)).toBeNull();
  });
});
