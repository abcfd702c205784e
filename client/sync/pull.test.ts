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

  it('loads the full snapshot in pages, every table complete', async () => {
    const result = await pull(device, fetchPage, 200);
    expect(result.applied).toBeGreaterThan(800);
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
