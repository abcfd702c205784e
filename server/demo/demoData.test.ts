import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { loadDemoIfEmpty } from './loadDemo.ts';

let t: TestApp;
let plan2025: string;
let plan2024: string;

beforeAll(async () => {
  t = await openTestApp();
  expect(await loadDemoIfEmpty(t.db)).toBeGreaterThan(500);
  const { body } = await t.json('/api/plans');
  plan2025 = body.plans.find((p: any) => p.name === 'Förvaltningsplan 2025–2027').id;
  plan2024 = body.plans.find((p: any) => p.startYear === 2024).id;
});
afterAll(() => t.close());

const indicatorNamed = async (planId: string, name: string) => {
  const { body } = await t.json(`/api/plans/${planId}/indicators`);
  return body.indicators.find((i: any) => i.name === name || i.name.startsWith(name));
};

describe('the demo data is the real Förvaltningsplan 2025–2027', () => {
  it('has the 1177 indicator with target 8 min (lower is better), baseline 15,1 min, reported monthly, per delår and yearly', async () => {
    const indicator = await indicatorNamed(plan2025, 'Medelväntetid (minuter) för besvarade samtal på 1177 telefon');
    expect(indicator).toMatchObject({
      targetText: '8 min',
      target: { kind: 'value', value: 8 },
      direction: 'lower',
      baseline: { value: 15.1, period: '2023' },
      frequencies: ['månad', 'delår', 'år'],
    });
  });

  it('has Beläggningsgrad vårdplatser with target 87 % and baseline 94,0 %', async () => {
    const indicator = await indicatorNamed(plan2025, 'Beläggningsgrad vårdplatser');
    expect(indicator.target).toMatchObject({ kind: 'value', value: 87 });
    expect(indicator.baseline.value).toBe(94);
  });

  it('links activity 31 "Oberoende av hyrbemanning" to RF1, RF11 and RF12', async () => {
    const [{ body: activities }, { body: plan }] = await Promise.all([t.json(`/api/plans/${plan2025}/activities`), t.json(`/api/plans/${plan2025}`)]);
    const activity = activities.activities.find((a: any) => a.number === '31');
    expect(activity.title).toBe('Oberoende av hyrbemanning');
    const codes = activity.assignmentIds.map((id: string) => plan.assignments.find((a: any) => a.id === id).code).sort();
    expect(codes).toEqual(['RF1', 'RF11', 'RF12']);
  });

  it('has all 46 activities in five focus areas', async () => {
    const [{ body: activities }, { body: plan }] = await Promise.all([t.json(`/api/plans/${plan2025}/activities`), t.json(`/api/plans/${plan2025}`)]);
    expect(activities.activities).toHaveLength(46);
    expect(plan.focusAreas).toHaveLength(5);
    expect(new Set(activities.activities.map((a: any) => a.focusAreaId)).size).toBe(5);
  });

  it('marks generated history as example data and only there', async () => {
    const indicator = await indicatorNamed(plan2025, 'Medelväntetid (minuter) för besvarade samtal på 1177 telefon');
    const { body } = await t.json(`/api/indicators/${indicator.id}`);
    expect(body.outcomes.length).toBeGreaterThan(12);
    expect(body.outcomes.every((o: any) => o.source === 'exempel')).toBe(true);
  });
});

describe('the 2024 plan as Delårsrapport 1 2024 reports it', () => {
  it('has "Webbtidböcker" Försenad with its comment, and that status in its history', async () => {
    const { body } = await t.json(`/api/plans/${plan2024}/activities`);
    const activity = body.activities.find((a: any) => a.title === 'Webbtidböcker');
    expect(activity.status).toBe('Försenad');
    expect(activity.latestComment).toMatch(/\w{10,}/);
    const { body: detail } = await t.json(`/api/activities/${activity.id}`);
    expect(detail.updates[0]).toMatchObject({ toStatus: 'Försenad', text: activity.latestComment, period: '2024-T1' });
  });

  it('evaluates "BUP, besök" 51,3 % → 20,2 % against 90 % as not met and negativ', async () => {
    const indicator = await indicatorNamed(plan2024, 'BUP, besök');
    expect(indicator.latest.outcome.value).toBeCloseTo(20.2);
    expect(indicator.latest).toMatchObject({ status: 'notMet', trend: 'negativ' });
  });

  it('keeps the real outcomes as imported, not as example data', async () => {
    const indicator = await indicatorNamed(plan2024, 'BUP, besök');
    const { body } = await t.json(`/api/indicators/${indicator.id}`);
    expect(body.outcomes.map((o: any) => [o.period, o.source]).sort()).toEqual([
      ['2023-T1', 'manuell'],
      ['2024-T1', 'manuell'],
    ]);
  });
});
