import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('GET /api/indicators/:id', () => {
  it('returns the indicator with its parsed target, all its outcomes and its latest status', async () => {
    const plan = await importTestPlan(t.db);
    const indicator = await plan.byKey('indicator', 'vardgaranti');

    const { status, body } = await t.json(`/api/indicators/${indicator.id}`);

    expect(status).toBe(200);
    expect(body.indicator).toMatchObject({ id: indicator.id, targetText: '85 %', target: { kind: 'value', value: 85 }, direction: 'higher' });
    expect(body.outcomes.map((o: any) => [o.period, o.value, o.source]).sort()).toEqual([
      ['2023-T1', 70, 'manuell'],
      ['2024-T1', 90.5, 'manuell'],
    ]);
    expect(body.latest).toMatchObject({ outcome: { period: '2024-T1' }, previous: { period: '2023-T1' }, status: 'met', trend: 'positiv' });
  });

  it('answers an indicator without outcomes with status noData', async () => {
    const plan = await importTestPlan(t.db);
    const doc = structuredClone(plan.doc);
    doc.indicators.push({ key: 'ny-indikator', name: 'Ny indikator', goals: ['kompetens'], unit: doc.plan.unit, measure: 'antal', direction: 'higher', target: 'Öka', frequencies: ['år'] });
    await importTestPlan(t.db, doc);
    const indicator = await plan.byKey('indicator', 'ny-indikator');

    const { body } = await t.json(`/api/indicators/${indicator.id}`);

    expect(body.outcomes).toEqual([]);
    expect(body.latest).toEqual({ outcome: null, previous: null, status: 'noData', trend: null, trendAgainst: null });
  });

  it('answers 404 "Indikatorn finns inte." for an unknown id', async () => {
    expect(await t.json(`/api/indicators/${randomUUID()}`)).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Indikatorn finns inte.' } } });
  });
});
