import { describe, expect, it } from 'vitest';
import { parsePeriodText } from './periodText.ts';

describe('a period as people write it', () => {
  it('reads codes, delår, years, months and runs of months', () => {
    const cases: [string, string | null][] = [
      ['2024-T1', '2024-T1'],
      ['Delår 1 2024', '2024-T1'],
      ['delår 2, 2024', '2024-T2'],
      ['Helår 2024', '2024'],
      ['2024', '2024'],
      ['april 2024', '2024-04'],
      ['Apr. 2024', '2024-04'],
      ['2024-4', '2024-04'],
      ['maj–aug 2024', '2024-05..08'],
      ['2024-05–2024-08', '2024-05..08'],
      ['jan–apr 2024', '2024-T1'],
      ['Tertial 2 2024', null],
      ['snart', null],
      ['2024-13', null],
    ];
    for (const [text, period] of cases) expect(parsePeriodText(text), text).toBe(period);
  });

  it('reads the plan’s own report points by name, whatever their rhythm', () => {
    const named = new Map([['tertial 2 2024', '2024-05..08']]);
    expect(parsePeriodText('Tertial 2 2024', named)).toBe('2024-05..08');
  });
});
