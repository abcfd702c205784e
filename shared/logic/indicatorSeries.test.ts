import { describe, expect, it } from 'vitest';
import { parseTarget } from './target.ts';
import { indicator, outcome } from '../../tests/fixtures/planRecords.ts';
import { indicatorSeries, lineKey } from './indicatorSeries.ts';

describe('an indicator as lines over time', () => {
  it('gives the total, kvinnor and män and each sub-series with its own target, oldest period first', () => {
    const guarantee = indicator('Vårdgaranti', null, {
      subSeries: [
        { key: 'bup-besok', name: 'BUP besök', targetText: '90 %', target: parseTarget('90 %') },
        { key: 'primarvard', name: 'Primärvård', targetText: '100 %', target: parseTarget('100 %') },
        { key: 'tom', name: 'Utan värden', targetText: null, target: null },
      ],
    });
    const outcomes = [
      outcome(guarantee.id, '2024-T1', 20.2, { subSeriesKey: 'bup-besok' }),
      outcome(guarantee.id, '2023-T1', 51.3, { subSeriesKey: 'bup-besok' }),
      outcome(guarantee.id, '2024-T1', 87.5, { subSeriesKey: 'primarvard' }),
      outcome(guarantee.id, '2024-T1', 70, { nationalAverage: 72 }),
      outcome(guarantee.id, '2024-T1', 71, { gender: 'K' }),
      outcome(guarantee.id, '2024-T1', 69, { gender: 'M' }),
      outcome(guarantee.id, '2024-03', 50),
    ];
    const series = indicatorSeries(guarantee, outcomes, 'tertial');
    expect(series.lines.map((l) => [l.key, l.subSeriesName, l.targetLevel])).toEqual([
      ['|T', null, null],
      ['|K', null, null],
      ['|M', null, null],
      ['bup-besok|T', 'BUP besök', 90],
      ['primarvard|T', 'Primärvård', 100],
    ]);
    expect(series.rows.map((r) => r.period)).toEqual(['2023-T1', '2024-T1']);
    expect(series.rows[0]!.outcomes[lineKey('bup-besok', 'T')]?.value).toBe(51.3);
    expect(series.rows[0]!.outcomes[lineKey(null, 'T')]).toBeUndefined();
    expect(series.rows[1]!.nationalAverage).toBe(72);
    expect(series.hasNationalAverage).toBe(true);
    expect(series.hasExample).toBe(false);
  });

  it('keeps one kind of period, and says when the values are example data', () => {
    const wait = indicator('Medelväntetid', '8 min', { measure: 'minuter', direction: 'lower' });
    const outcomes = [outcome(wait.id, '2025-02', 12, { source: 'exempel' }), outcome(wait.id, '2025-01', 13, { source: 'exempel' }), outcome(wait.id, '2025-T1', 12.5)];
    const series = indicatorSeries(wait, outcomes, 'month');
    expect(series.rows.map((r) => r.period)).toEqual(['2025-01', '2025-02']);
    expect(series.lines.map((l) => [l.key, l.targetLevel])).toEqual([['|T', 8]]);
    expect(series.hasExample).toBe(true);
    expect(indicatorSeries(wait, outcomes, 'tertial').hasExample).toBe(false);
    expect(indicatorSeries(wait, outcomes, 'year').rows).toEqual([]);
  });
});
