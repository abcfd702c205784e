import { describe, expect, it } from 'vitest';
import { countActivityStatuses, countAssessments, countTargetStatuses, shares, totalOf } from './fulfilment.ts';

describe('goal fulfilment counts', () => {
  it('counts assessments, with goals not assessed as none', () => {
    expect(countAssessments(['positiv', 'negativ', 'negativ', null])).toEqual({
      positiv: 1,
      oförändrad: 0,
      negativ: 2,
      uppfyllt: 0,
      'delvis uppfyllt': 0,
      'ej uppfyllt': 0,
      none: 1,
    });
  });

  it('counts target statuses and activity statuses', () => {
    expect(countTargetStatuses(['met', 'notMet', 'notMet', 'noData'])).toEqual({ met: 1, close: 0, notMet: 2, noData: 1 });
    const counts = countActivityStatuses(['Enligt plan', 'Försenad', null, 'Enligt plan']);
    expect(counts).toMatchObject({ 'Enligt plan': 2, Försenad: 1, none: 1, Klar: 0 });
    expect(totalOf(counts)).toBe(4);
  });

  it('gives shares in whole percent that always add up to 100', () => {
    expect(shares({ a: 1, b: 1, c: 1 })).toEqual({ a: 34, b: 33, c: 33 });
    expect(shares({ met: 2, close: 0, notMet: 1 })).toEqual({ met: 67, close: 0, notMet: 33 });
    expect(shares({ a: 0, b: 0 })).toEqual({ a: 0, b: 0 });
    const odd = shares({ a: 7, b: 5, c: 3, d: 1, e: 1, f: 1 });
    expect(Object.values(odd).reduce((s, n) => s + n, 0)).toBe(100);
  });
});
