import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { Activity } from '@shared/schemas/activity.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { openDeviceDb, SYNCED_STORES } from '../db/database.ts';
import { isQuotaError } from '../db/quota.ts';
import { recordChange } from './outbox.ts';

const author = { id: randomUUID(), name: 'Bo' };

function activity(): Activity {
  return {
    id: randomUUID(), version: 3, seq: 10, planId: randomUUID(), key: 'a1', number: '1', title: 'Webbtidböcker', description: null, focusAreaId: null,
    assignmentIds: [], goalIds: [], unitId: randomUUID(), responsible: null, timeline: null, milestone: false, accessibilityPlan: false,
    status: 'Enligt plan', statusParts: null, latestComment: null, statusPeriod: null, order: 1, conflicts: [],
  };
}

const change = (a: Activity, text: string): Mutation => ({
  id: randomUUID(), name: 'activity.update', recordId: a.id, createdAt: new Date().toISOString(),
  args: { status: 'Försenad', statusParts: null, text, baseVersion: a.version, writtenAt: null },
});

describe('the outbox', () => {
  it('writes nothing at all when the device is full: the change is not half made, earlier changes stay', async () => {
    const db = openDeviceDb(`quota-${randomUUID()}`);
    const a = activity();
    await db.activity.put(a);
    await recordChange(db, change(a, 'Första.'), author);
    const full = vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new DOMException('Lagringen är full', 'QuotaExceededError'));
    const failed = await recordChange(db, change(a, 'Andra.'), author).then(() => null, (error: unknown) => error);
    full.mockRestore();
    expect(isQuotaError(failed)).toBe(true);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.activity.get(a.id))!.latestComment).toBe('Första.');
    expect(await db.activityUpdate.count()).toBe(1);
  });

  it('survives the upgrade from the first version of the device database, which had none', async () => {
    const name = `upgrade-${randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({ ...SYNCED_STORES, meta: 'key' });
    const a = activity();
    await old.table('activity').put(a);
    await old.table('meta').put({ key: 'cursor', value: 42 });
    old.close();

    const db = openDeviceDb(name);
    expect(await db.activity.get(a.id)).toMatchObject({ title: 'Webbtidböcker' });
    expect((await db.meta.get('cursor'))?.value).toBe(42);
    await recordChange(db, change(a, 'Efter uppgraderingen.'), author);
    db.close();

    // The next version of the app opens the same database again: what waits to be sent is still there.
    const again = openDeviceDb(name);
    expect(await again.outbox.toArray()).toEqual([expect.objectContaining({ state: 'pending', args: expect.objectContaining({ text: 'Efter uppgraderingen.' }) })]);
  });
});
