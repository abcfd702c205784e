import { describe, expect, it } from 'vitest';
import { samePlaceInPlan } from './planSwitch.ts';

const plan2024 = { id: 'p24', startYear: 2024, endYear: 2024 };
const plan2026 = { id: 'p26', startYear: 2025, endYear: 2027 };

describe('changing plan', () => {
  it('stays on the same screen of the other plan, keeping the search and filters', () => {
    expect(samePlaceInPlan({ name: 'tasks', params: { planId: 'p26' }, query: { sok: 'bup', status: 'Klar', insatsomrade: 'f1' } }, plan2024)).toEqual({
      name: 'tasks',
      params: { planId: 'p24' },
      query: { sok: 'bup', status: 'Klar' },
    });
    expect(samePlaceInPlan({ name: 'overview', params: { planId: 'p24' }, query: { period: '2024-T1', enhet: 'u1' } }, plan2026)).toEqual({
      name: 'overview',
      params: { planId: 'p26' },
      query: { enhet: 'u1' },
    });
    expect(samePlaceInPlan({ name: 'delayed', params: { planId: 'p26' }, query: { period: '2026-T2', visa: 'aktiviteter', valt: 'a1' } }, { ...plan2026, id: 'other' })).toEqual({
      name: 'delayed',
      params: { planId: 'other' },
      query: { period: '2026-T2', visa: 'aktiviteter' },
    });
  });

  it('opens the list a record was in, and a report only where the other plan reports that period', () => {
    expect(samePlaceInPlan({ name: 'activity', params: { planId: 'p26', activityId: 'a1' }, query: {} }, plan2024)).toEqual({ name: 'activities', params: { planId: 'p24' }, query: {} });
    expect(samePlaceInPlan({ name: 'indicator', params: { planId: 'p26' }, query: { period: '2026-T2', per: 'kon' } }, plan2026)).toEqual({
      name: 'overview',
      params: { planId: 'p26' },
      query: { period: '2026-T2' },
    });
    expect(samePlaceInPlan({ name: 'report', params: { planId: 'p26', period: '2026-T1' }, query: {} }, { ...plan2026, id: 'x' })).toEqual({ name: 'report', params: { planId: 'x', period: '2026-T1' } });
    expect(samePlaceInPlan({ name: 'report', params: { planId: 'p26', period: '2026-T1' }, query: {} }, plan2024)).toEqual({ name: 'overview', params: { planId: 'p24' } });
  });
});
