import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRecord, putRecords } from '../../server/db/records.ts';
import { loadDemoIfEmpty } from '../../server/demo/loadDemo.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { openDeviceDb, type MalbildDb } from '../db/database.ts';
import { pull, type FetchPage } from './pull.ts';

let t: TestApp;
const fetchPage: FetchPage = async (since, limit, scope) => (await t.json(`/api/sync/pull?since=${since}&limit=${limit}${scope === null ? '' : `&scope=${scope}`}`)).body;
const freshDevice = () => openDeviceDb(`device-${randomUUID()}`);

beforeAll(async () => {
  t = await openTestApp();
  await loadDemoIfEmpty(t.db);
});
afterAll(() => t.close());

async function serverCount(entity: string) {
  const [row] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE entity = $1 AND NOT deleted', [entity]);
  return row?.n ?? 0;
}

describe('pulling the plan into IndexedDB', () => {
  let device: MalbildDb;
  beforeAll(() => {
    device = freshDevice();
  });

  it('loads the full snapshot in pages, every table complete, telling how far it has come', async () => {
    const progress: number[] = [];
    let asked = 0;
    const counting: FetchPage = (...args) => {
      asked++;
      return fetchPage(...args);
    };
    const result = await pull(device, counting, { pageSize: 200, onProgress: (share) => progress.push(share) });
    expect(result.applied).toBeGreaterThan(800);
    // One report per page but the last, growing towards the whole.
    expect(progress).toHaveLength(asked - 1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeLessThan(1);
    expect(progress.at(-1)).toBeGreaterThan(0.7);
    for (const entity of ['plan', 'goal', 'indicator', 'outcome', 'activity', 'activityUpdate'] as const) {
      expect(await device.table(entity).count(), entity).toBe(await serverCount(entity));
    }
    expect((await device.meta.get('cursor'))?.value).toBe(result.cursor);
  });

  it('then receives exactly one server-side change, and a deletion as a removal', async () => {
    const activity = (await device.activity.toArray())[0]!;
    await t.db.transaction((tx) => putRecords(tx, 'activity', [{ ...activity, title: 'Ändrad titel' }]));
    const changed = await pull(device, fetchPage);
    expect(changed.applied).toBe(1);
    expect((await device.activity.get(activity.id))?.title).toBe('Ändrad titel');

    await t.db.transaction((tx) => deleteRecord(tx, 'activity', activity.id));
    expect((await pull(device, fetchPage)).applied).toBe(1);
    expect(await device.activity.get(activity.id)).toBeUndefined();
  });

  it('keeps nothing of a page it could not write, and starts from there next time', async () => {
    const device = freshDevice();
    let failing = true;
    const original = device.meta.bulkPut.bind(device.meta);
    device.meta.bulkPut = ((...args: Parameters<typeof original>) => {
      if (failing) throw new Error('full');
      return original(...args);
    }) as typeof original;
    await expect(pull(device, fetchPage, { pageSize: 200 })).rejects.toThrow('full');
    expect(await device.goal.count()).toBe(0);
    failing = false;
    await pull(device, fetchPage, { pageSize: 200 });
    expect(await device.goal.count()).toBe(await serverCount('goal'));
  });

  it('pulls nothing when nothing changed', async () => {
    expect((await pull(device, fetchPage)).applied).toBe(0);
  });

  it('starts over when the server does not know its cursor', async () => {
    const stale = freshDevice();
    await stale.meta.put({ key: 'cursor', value: 10_000_000 });
    await stale.goal.put({ id: randomUUID() } as never);
    await pull(stale, fetchPage);
    expect(await stale.goal.count()).toBe(await serverCount('goal'));
    expect(await stale.activity.count()).toBe(await serverCount('activity'));
  });
});

describe('writing a page', () => {
  it('puts every record of interleaved kinds in its table, a record twice in a page as its later state, and removes the deleted', async () => {
    const device = freshDevice();
    const removed = randomUUID();
    await device.activity.put({ id: removed, title: 'Borttagen' } as never);
    const goals = Array.from({ length: 300 }, () => randomUUID());
    const activities = Array.from({ length: 300 }, () => randomUUID());
    const changes = goals.flatMap((id, i) => [
      { entity: 'goal', id, seq: 3 * i + 1, deleted: false, record: { id, title: `Mål ${i}` } },
      { entity: 'activity', id: activities[i], seq: 3 * i + 2, deleted: false, record: { id: activities[i], title: `Aktivitet ${i}` } },
      { entity: 'goal', id: goals[0], seq: 3 * i + 3, deleted: false, record: { id: goals[0], title: `Mål 0, version ${i}` } },
    ]);
    changes.push({ entity: 'activity', id: removed, seq: changes.length + 1, deleted: true, record: null as never });
    const onePage: FetchPage = async () => ({ changes, cursor: changes.length, hasMore: false, reset: false, scope: 1, head: changes.length });
    expect((await pull(device, onePage)).applied).toBe(changes.length);
    expect(await device.goal.count()).toBe(300);
    expect(await device.activity.count()).toBe(300);
    expect((await device.goal.get(goals[0]!))?.title).toBe('Mål 0, version 299');
    expect((await device.goal.get(goals[299]!))?.title).toBe('Mål 299');
    expect((await device.activity.get(activities[150]!))?.title).toBe('Aktivitet 150');
    expect(await device.activity.get(removed)).toBeUndefined();
  });
});

