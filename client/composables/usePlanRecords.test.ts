import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import { activity, assessment, focusArea, goal, indicator, outcome, perspective, PLAN_ID } from '../../tests/fixtures/planRecords.ts';
import { deviceDb } from '../db/deviceDb.ts';
import { usePlanRecords } from './usePlanRecords.ts';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe('usePlanRecords', () => {
  it('reads one plan’s follow-up from the device, and follows new outcomes', async () => {
    const g = goal('God tillgänglighet');
    const other = goal('Annan plans mål', { planId: 'another-plan' });
    const bup = indicator('BUP, besök', '90 %', { goalIds: [g.id] });
    const elsewhere = indicator('Annan plans indikator', null, { planId: 'another-plan' });
    await deviceDb.perspective.put(perspective('Process', 1));
    await deviceDb.goal.bulkPut([g, other]);
    await deviceDb.goalAssessment.bulkPut([assessment(g.id, '2024-T1', 'oförändrad'), assessment(other.id, '2024-T1', 'negativ')]);
    await deviceDb.indicator.bulkPut([bup, elsewhere]);
    await deviceDb.outcome.bulkPut([outcome(bup.id, '2024-T1', 20.2), outcome(elsewhere.id, '2024-T1', 1)]);
    await deviceDb.focusArea.put(focusArea('Omställning', 1));
    await deviceDb.activity.put(activity('Webbtidböcker', 'Försenad'));

    const scope = effectScope();
    const records = scope.run(() => usePlanRecords(ref(PLAN_ID)))!;
    await until(() => records.value !== undefined);
    expect(records.value!.goals.map((x) => x.title)).toEqual(['God tillgänglighet']);
    expect(records.value!.assessments.map((x) => x.assessment)).toEqual(['oförändrad']);
    expect(records.value!.indicators.map((x) => x.name)).toEqual(['BUP, besök']);
    expect(records.value!.outcomes.map((x) => x.value)).toEqual([20.2]);
    expect(records.value!.perspectives).toHaveLength(1);
    expect(records.value!.focusAreas).toHaveLength(1);
    expect(records.value!.activities).toHaveLength(1);

    await deviceDb.outcome.put(outcome(bup.id, '2023-T1', 51.3));
    await until(() => records.value!.outcomes.length === 2);
    scope.stop();
  });
});
