import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('GET /api/plans', () => {
  it('lists every plan, a newly imported one included', async () => {
    const plan = await importTestPlan(t.db);
    const { status, body } = await t.json('/api/plans');
    expect(status).toBe(200);
    expect(body.plans).toContainEqual(
      expect.objectContaining({ id: plan.planId, name: plan.doc.plan.name, startYear: 2025, endYear: 2027, state: 'adopted', version: 1 }),
    );
  });
});

describe('GET /api/plans/:id', () => {
  it('returns the plan with its perspectives, focus areas and assignments', async () => {
    const plan = await importTestPlan(t.db);
    const { status, body } = await t.json(`/api/plans/${plan.planId}`);
    expect(status).toBe(200);
    expect(body.plan).toMatchObject({ id: plan.planId, key: plan.doc.plan.key, adoptedBy: 'Hälso- och sjukvårdsnämnden', adoptedAt: '2024-12-10' });
    expect(body.perspectives.map((p: any) => p.name)).toEqual(['Invånare/kund', 'Medarbetare']);
    expect(body.focusAreas.map((f: any) => f.name)).toEqual(['Tillgänglig, säker och effektiv vård']);
    expect(body.assignments).toEqual([expect.objectContaining({ code: 'RF7', givenBy: 'regionfullmäktige', planId: plan.planId })]);
  });

  it('answers 404 "Planen finns inte." for an unknown id, on the plan and on its lists', async () => {
    const id = randomUUID();
    for (const path of [`/api/plans/${id}`, `/api/plans/${id}/goals`, `/api/plans/${id}/indicators`, `/api/plans/${id}/activities`]) {
      const { status, body } = await t.json(path);
      expect(status, path).toBe(404);
      expect(body, path).toEqual({ error: { code: 'not_found', message: 'Planen finns inte.' } });
    }
  });

  it('does not answer with another record kind under the same id', async () => {
    const plan = await importTestPlan(t.db);
    const goal = await plan.byKey('goal', 'tillganglighet');
    expect((await t.json(`/api/plans/${goal.id}`)).status).toBe(404);
  });
});

describe("a plan's lists", () => {
  it('returns its goals in plan order, and only its own', async () => {
    const plan = await importTestPlan(t.db);
    await importTestPlan(t.db);
    const { status, body } = await t.json(`/api/plans/${plan.planId}/goals`);
    expect(status).toBe(200);
    expect(body.goals.map((g: any) => g.key)).toEqual(['god-halsa', 'tillganglighet', 'kompetens']);
    expect(body.goals.every((g: any) => g.planId === plan.planId)).toBe(true);
  });

  it('returns its indicators, each with its latest status', async () => {
    const plan = await importTestPlan(t.db);
    const { status, body } = await t.json(`/api/plans/${plan.planId}/indicators`);
    expect(status).toBe(200);
    expect(body.indicators.map((i: any) => [i.key, i.latest.outcome?.period, i.latest.status, i.latest.trend])).toEqual([
      ['vardgaranti', '2024-T1', 'met', 'positiv'],
      ['hyrlakare', '2024-T1', 'notMet', null],
    ]);
  });

  it('returns its activities', async () => {
    const plan = await importTestPlan(t.db);
    const { status, body } = await t.json(`/api/plans/${plan.planId}/activities`);
    expect(status).toBe(200);
    expect(body.activities.map((a: any) => [a.number, a.title, a.status])).toEqual([
      ['1', 'Webbtidböcker', 'Försenad'],
      ['2', 'Oberoende av hyrbemanning', 'Enligt plan'],
    ]);
  });
});
