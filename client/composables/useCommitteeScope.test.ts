import { describe, expect, it } from 'vitest';
import { createApp, effectScope, nextTick, shallowRef } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { PlanRecords } from '@shared/logic/planOverview.ts';
import { assessment, goal, indicator, outcome, unit } from '../../tests/fixtures/planRecords.ts';
import { useCommitteeScope } from './useCommitteeScope.ts';
import { buildUnitTree } from './useUnitTree.ts';

const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await nextTick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
};

async function scopeAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/planer/:planId/oversikt', name: 'overview', component: {} },
      { path: '/planer/:planId/mal', name: 'goals', component: {} },
    ],
  });
  await router.push(path);
  const app = createApp({}).use(router);
  const region = unit('Region', null, { key: 'region' });
  const bup = unit('BUP', region.id, { key: 'bup' });
  const bupIndicator = indicator('BUP, besök', '90 %', { unitId: bup.id });
  const g = goal('God tillgänglighet');
  const records = shallowRef<PlanRecords | undefined>(undefined);
  const tree = shallowRef(buildUnitTree([region, bup]));
  const scope = app.runWithContext(() => effectScope().run(() => useCommitteeScope(records, tree))!);
  records.value = {
    perspectives: [],
    goals: [g],
    assessments: [assessment(g.id, '2024-T1', 'oförändrad')],
    indicators: [bupIndicator],
    outcomes: [outcome(bupIndicator.id, '2023-T1', 51.3), outcome(bupIndicator.id, '2024-03', 20)],
    focusAreas: [],
    activities: [],
  };
  await settle();
  return { router, scope, region, bup };
}

describe('the period and unit of a committee screen, held in the address', () => {
  it('defaults to the latest period with data and writes it into the address', async () => {
    const { router, scope } = await scopeAt('/planer/p/oversikt');
    expect(scope.periods.value).toEqual(['2024-T1', '2024-03', '2023-T1']);
    expect(scope.period.value).toBe('2024-T1');
    expect(router.currentRoute.value.query.period).toBe('2024-T1');
    expect(scope.carried.value).toEqual({ period: '2024-T1', enhet: undefined });
  });

  it('keeps a period from the address that has data, and replaces one that has none', async () => {
    expect((await scopeAt('/planer/p/oversikt?period=2023-T1')).scope.period.value).toBe('2023-T1');
    const { router, scope } = await scopeAt('/planer/p/oversikt?period=2019');
    expect(scope.period.value).toBe('2024-T1');
    expect(router.currentRoute.value.query.period).toBe('2024-T1');
  });

  it('names the unit by its key in the address and filters on it and the units below', async () => {
    const { router, scope, region, bup } = await scopeAt('/planer/p/oversikt?enhet=region');
    expect(scope.unit.value?.id).toBe(region.id);
    expect(scope.unitIds.value).toEqual(new Set([region.id, bup.id]));
    scope.unitId.value = bup.id;
    await settle();
    expect(router.currentRoute.value.query.enhet).toBe('bup');
    expect(scope.unitIds.value).toEqual(new Set([bup.id]));
    scope.unitId.value = '';
    await settle();
    expect(router.currentRoute.value.query.enhet).toBeUndefined();
    expect(scope.unitIds.value).toBeNull();
  });
});
