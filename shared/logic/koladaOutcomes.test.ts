import { describe, expect, it } from 'vitest';
import { indicator, outcome } from '../../tests/fixtures/planRecords.ts';
import { indicatorStatus } from './indicatorStatus.ts';
import { parseTarget } from './target.ts';
import { koladaPeerSeries, outcomesWithKolada } from './koladaOutcomes.ts';

describe('Riket from Kolada beside a person’s outcome', () => {
  it('fills the national average a manual outcome lacks, so Bättre än rikssnittet gets a status, and changes nothing else', () => {
    const bup = indicator('BUP, förstabesök inom 90 dagar', 'Bättre än rikssnittet', { target: parseTarget('Bättre än rikssnittet'), frequencies: ['år'] });
    const manual = outcome(bup.id, '2024', 48, { source: 'manuell', comment: 'Egen mätning.' });
    const before = indicatorStatus(bup, [manual], '2024');
    const merged = outcomesWithKolada([manual], [{ indicatorId: bup.id, period: '2024', gender: 'T', value: 51.3, nationalAverage: 60.1 }]);
    expect(merged).toEqual([{ ...manual, nationalAverage: 60.1 }]);
    expect(before.status).not.toBe('notMet');
    expect(indicatorStatus(bup, merged, '2024').status).toBe('notMet');
    const own = outcome(bup.id, '2024', 48, { nationalAverage: 55 });
    expect(outcomesWithKolada([own], [{ indicatorId: bup.id, period: '2024', gender: 'T', value: 51.3, nationalAverage: 60.1 }])).toEqual([own]);
  });

  it('reads Kolada’s value in place of a person’s only where a controller said it counts, keeping the comment', () => {
    const bup = indicator('BUP, förstabesök inom 90 dagar', 'Bättre än rikssnittet', { target: parseTarget('Bättre än rikssnittet'), frequencies: ['år'] });
    const manual = outcome(bup.id, '2024', 48, { source: 'manuell', comment: 'Egen mätning.' });
    const kolada = { indicatorId: bup.id, period: '2024', gender: 'T' as const, value: 51.3, nationalAverage: 60.1 };
    expect(outcomesWithKolada([manual], [{ ...kolada, counts: true }])).toEqual([{ ...manual, value: 51.3, source: 'kolada', nationalAverage: 60.1 }]);
    expect(outcomesWithKolada([manual], [{ ...kolada, counts: false }])[0]!.value).toBe(48);
    expect(outcomesWithKolada([manual], [{ ...kolada, value: null, counts: true }])[0]!.value).toBe(48);
    const sub = outcome(bup.id, '2024', 40, { subSeriesKey: 'steg-1' });
    expect(outcomesWithKolada([sub], [{ ...kolada, counts: true }])).toEqual([sub]);
  });

  it('draws each peer through the periods shown, leaving out peers Kolada has nothing for there', () => {
    const peers = (uppsala: number | null, skane: number | null) => [{ areaId: '0003', value: uppsala }, { areaId: '0012', value: skane }];
    const kolada = [
      { period: '2023', gender: 'T' as const, peers: peers(70, null) },
      { period: '2024', gender: 'T' as const, peers: peers(null, null) },
      { period: '2024', gender: 'K' as const, peers: peers(99, 99) },
      { period: '2025', gender: 'T' as const, peers: peers(72, null) },
    ];
    expect(koladaPeerSeries(kolada, ['2024', '2025', '2026'])).toEqual([{ areaId: '0003', values: [null, 72, null] }]);
    expect(koladaPeerSeries(kolada, ['2024'])).toEqual([]);
  });
});

