import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { openDeviceDb } from '../db/database.ts';
import { useLiveQuery } from './useLiveQuery.ts';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

describe('useLiveQuery', () => {
  it('follows writes to the tables it reads and re-runs when its sources change', async () => {
    const db = openDeviceDb(`live-${randomUUID()}`);
    const planId = ref('a');
    const scope = effectScope();
    const perspectives = scope.run(() => useLiveQuery(() => db.perspective.where('planId').equals(planId.value).toArray(), [planId]))!;
    await until(() => perspectives.value?.length === 0);

    await db.perspective.put({ id: randomUUID(), planId: 'b', key: 'ekonomi', name: 'Ekonomi', order: 1, version: 1, seq: 1 });
    planId.value = 'b';
    await nextTick();
    await until(() => perspectives.value?.length === 1);

    scope.stop();
    await db.perspective.clear();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(perspectives.value).toHaveLength(1);
  });
});
