import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('GET /api/goals/:id', () => {
  it('returns the goal with its parent, assessments, its indicators with latest status, and its activities', async () => {
    const plan = await importTestPlan(t.db);
    const [goal, parent] = await Promise.all([plan.byKey('goal', 'tillganglighet'), plan.byKey('goal', 'god-halsa')]);

    const { status, body } = await t.json(`/api/goals/${goal.id}`);

    expect(status).toBe(200);
    expect(body.goal).toMatchObject({ id: goal.id, title: 'Vården är tillgänglig', level: 'förvaltningsmål', parentId: parent.id });
    expect(body.parent).toMatchObject({ id: parent.id, title: 'God och jämlik hälsa', level: 'resultatmål' });
    expect(body.assessments).toEqual([
      expect.objectContaining({ goalId: goal.id, period: '2024-T1', assessment: 'positiv', analysis: 'Tillgängligheten har ökat.' }),
    ]);
    expect(body.indicators).toHaveLength(1);
    expect(body.indicators[0]).toMatchObject({
      key: 'vardgaranti',
      goalIds: [goal.id],
      latest: {
        outcome: { period: '2024-T1', value: 90.5, comment: 'Fler digitala kontakter' },
        previous: { period: '2023-T1', value: 70 },
        status: 'met',
        trend: 'positiv',
      },
    });
    expect(body.activities.map((a: any) => a.title)).toEqual(['Webbtidböcker']);
  });

  it('answers a top-level goal with no parent and an indicator that is not met', async () => {
    const plan = await importTestPlan(t.db);
    const goal = await plan.byKey('goal', 'kompetens');

    const { body } = await t.json(`/api/goals/${goal.id}`);

    expect(body.parent).toBeNull();
    expect(body.assessments).toEqual([]);
    expect(body.indicators.map((i: any) => [i.key, i.latest.status])).toEqual([['hyrlakare', 'notMet']]);
    expect(body.activities.map((a: any) => a.title)).toEqual(['Oberoende av hyrbemanning']);
  });

  it('answers 404 "Målet finns inte." for an unknown id and 400 for a malformed one', async () => {
    expect(await t.json(`/api/goals/${randomUUID()}`)).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Målet finns inte.' } } });
    const { status, body } = await t.json('/api/goals/mal-1');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_input', message: 'Adressen id: Ogiltigt id.' });
  });
});
