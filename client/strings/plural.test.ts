import { describe, expect, it } from 'vitest';
import { count, pick } from './plural.ts';
import { sv } from './sv.ts';

const ACTIVITY = { one: 'aktivitet', other: 'aktiviteter' };

describe('Swedish plural forms', () => {
  it('picks the singular for one only', () => {
    expect(count(1, ACTIVITY)).toBe('1 aktivitet');
    expect(count(0, ACTIVITY)).toBe('0 aktiviteter');
    expect(count(2, ACTIVITY)).toBe('2 aktiviteter');
    expect(pick(1, { one: 'försenad', other: 'försenade' })).toBe('försenad');
  });

  it('writes large counts in Swedish digits', () => {
    expect(count(1235, ACTIVITY)).toBe('1\u00a0235 aktiviteter');
  });

  it('lets the participle agree with one activity on the overview', () => {
    expect(sv.committee.overview.lead.delayed(1)).toBe('1 aktivitet försenad eller avbruten');
    expect(sv.committee.overview.lead.delayed(2)).toBe('2 aktiviteter försenade eller avbrutna');
    expect(sv.committee.overview.lead.unmet(1)).toBe('1 indikator når inte målvärdet');
  });

  it('agrees in every counted string', () => {
    expect(sv.sync.pendingOffline(1)).toContain('1 ändring är sparad på enheten');
    expect(sv.sync.pendingOffline(3)).toContain('3 ändringar är sparade på enheten');
    expect(sv.readiness.summary(1, 1)).toBe('1 av 1 enhet klar');
    expect(sv.readiness.summary(2, 5)).toBe('2 av 5 enheter klara');
  });
});
