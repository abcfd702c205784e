import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentId, outcomeId } from '@shared/logic/recordIds.ts';
import type { Mutation, MutationResult } from '@shared/schemas/mutation.ts';
import { getRecord } from '../../server/db/records.ts';
import { importTestPlan } from '../fixtures/planDocument.ts';
import { openTestApp, type TestApp } from '../fixtures/testApp.ts';

/**
 * Several people's devices sending changes to the same record at the same moment (on PostgreSQL the
 * server runs their transactions side by side): what stands is what every applied change set, and every
 * other change is kept as a conflict on the record, none overwritten by another.
 */
const PEOPLE = 8;
let t: TestApp;
// Opening a database can take a while on a busy machine.
beforeAll(async () => {
  t = await openTestApp();
}, 60_000);
afterAll(() => t.close());

async function atOnce(unitId: string, mutationFor: (n: number) => Mutation): Promise<{ mutations: Mutation[]; results: MutationResult[] }> {
  const people = await Promise.all(Array.from({ length: PEOPLE }, (_, n) => t.userWith('rapportör', unitId, { name: `Person ${n}` })));
  const mutations = people.map((_, n) => mutationFor(n));
  const answers = await Promise.all(
    people.map((person, n) => person.json('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: `device-${n}-${randomUUID()}`, mutations: [mutations[n]] }) })),
  );
  return { mutations, results: answers.map((a) => a.body.results[0] as MutationResult) };
}

const applied = (results: MutationResult[]) => results.filter((r) => r.status === 'applied').map((r) => r.id);
const conflicting = (results: MutationResult[]) => results.filter((r) => r.status === 'conflict').map((r) => r.id);

describe('changes to one record arriving at the same moment', () => {
  it('leave one status standing and every other status change as a conflict on the activity', async () => {
    const plan = await importTestPlan(t.db);
    const activity = await plan.byKey('activity', 'webbtidbocker');
    // Each proposes a status split of its own, so no two say the same.
    const { results } = await atOnce(activity.unitId, (n) => ({
      id: randomUUID(),
      name: 'activity.update',
      recordId: activity.id,
      createdAt: new Date().toISOString(),
      args: { status: 'Enligt plan', statusParts: [{ part: `Del ${n}`, status: 'Klar' }], text: `Status från person ${n}.`, baseVersion: activity.version, writtenAt: null },
    }));
    expect(applied(results)).toHaveLength(1);
    const stored = (await getRecord(t.db, 'activity', activity.id))!;
    expect(stored.conflicts.map((k) => k.mutationId).sort()).toEqual(conflicting(results).sort());
    expect(stored.version).toBe(activity.version + PEOPLE);
  });

  it('leave one value standing in a new outcome cell and every other value as a conflict on it', async () => {
    const plan = await importTestPlan(t.db);
    const indicator = await plan.byKey('indicator', 'hyrlakare');
    const { results } = await atOnce(indicator.unitId, (n) => ({
      id: randomUUID(),
      name: 'outcome.set',
      recordId: indicator.id,
      createdAt: new Date().toISOString(),
      args: { period: '2026-05', subSeriesKey: null, gender: 'T', value: 10 + n, comment: null, baseVersion: null },
    }));
    expect(applied(results)).toHaveLength(1);
    const stored = (await getRecord(t.db, 'outcome', outcomeId(indicator.id, '2026-05', null, 'T')))!;
    expect(stored.conflicts.map((k) => k.mutationId).sort()).toEqual(conflicting(results).sort());
  });

  it('leave one assessment standing and every other one as a conflict on it', async () => {
    const plan = await importTestPlan(t.db);
    const goal = await plan.byKey('goal', 'kompetens');
    const assessments = ['positiv', 'negativ', 'oförändrad'] as const;
    const { mutations, results } = await atOnce(goal.unitId, (n) => ({
      id: randomUUID(),
      name: 'goalAssessment.set',
      recordId: goal.id,
      createdAt: new Date().toISOString(),
      args: { period: '2026-T1', assessment: assessments[n % assessments.length]!, analysis: `Bedömning ${n}.`, baseVersion: null },
    }));
    const stored = (await getRecord(t.db, 'goalAssessment', assessmentId(goal.id, '2026-T1')))!;
    expect(stored.conflicts.map((k) => k.mutationId).sort()).toEqual(conflicting(results).sort());
    // Those applied said what stands (the same assessment again is no conflict); none was overwritten.
    const said = new Map(mutations.map((m) => [m.id, (m.args as { assessment: string }).assessment]));
    expect(applied(results).map((id) => said.get(id))).toEqual(applied(results).map(() => stored.assessment));
  });
});
