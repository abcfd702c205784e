import 'fake-indexeddb/auto';
import { historyId } from '@shared/logic/recordIds.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { getRecord, putRecords } from '../../server/db/records.ts';
import { loadDemoIfEmpty } from '../../server/demo/loadDemo.ts';
import { openTestApp, type Requester, type TestApp } from '../../tests/fixtures/testApp.ts';
import { openDeviceDb, type MalbildDb } from '../db/database.ts';
import { recordChange } from './outbox.ts';
import { pull, type FetchPage } from './pull.ts';
import { pushOutbox, type SendBatch } from './push.ts';
import { serverSender } from './serverPush.ts';

let t: TestApp;
let bup: Requester & { userId: string };
let device: MalbildDb;
let bupUnit: string;
const author = { id: randomUUID(), name: 'Bo Rapportör' };
const sendToServer = serverSender('test-device-1');
const fetchPage: FetchPage = async (since, limit, scope) => (await bup.json(`/api/sync/pull?since=${since}&limit=${limit}${scope === null ? '' : `&scope=${scope}`}`)).body;

beforeAll(async () => {
  t = await openTestApp();
  await loadDemoIfEmpty(t.db);
  [{ id: bupUnit }] = (await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = 'bup'`)) as [{ id: string }];
  bup = await t.userWith('rapportör', bupUnit);
  // The real client sender, talking to the real app as the BUP rapportör's browser would.
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => bup.request(input, init));
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await t.close();
});
beforeEach(async () => {
  device = openDeviceDb(`device-${randomUUID()}`);
  await pull(device, fetchPage);
});

const bupActivity = async () => (await device.activity.filter((a) => a.unitId === bupUnit).first())!;
const statusChange = (activity: { id: string; version: number }, status: 'Försenad' | 'Klar', text: string): Mutation => ({
  id: randomUUID(),
  name: 'activity.update',
  recordId: activity.id,
  createdAt: new Date().toISOString(),
  args: { status, statusParts: null, text, baseVersion: activity.version, writtenAt: null },
});

describe('a change made on the device', () => {
  it('shows at once, marked as not yet on the server, and survives a pull made before it is sent', async () => {
    const activity = await bupActivity();
    await recordChange(device, statusChange(activity, 'Försenad', 'Väntar på lokaler.'), author);
    expect(await device.activity.get(activity.id)).toMatchObject({ status: 'Försenad', latestComment: 'Väntar på lokaler.' });
    expect(await device.activityUpdate.where('activityId').equals(activity.id).filter((u) => u.version === 0).count()).toBe(1);

    const server = (await getRecord(t.db, 'activity', activity.id))!;
    await t.db.transaction((tx) => putRecords(tx, 'activity', [{ ...server, description: 'Ny beskrivning från servern.' }]));
    await pull(device, fetchPage);
    expect(await device.activity.get(activity.id)).toMatchObject({ status: 'Försenad', description: 'Ny beskrivning från servern.' });
  });

  it('reaches the server exactly once, even when sent twice', async () => {
    const activity = await bupActivity();
    const change = statusChange(activity, 'Klar', 'Klart enligt plan.');
    await recordChange(device, change, author);
    expect(await pushOutbox(device, sendToServer)).toEqual({ sent: 1, conflicts: 0, rejected: 0, stopped: null });
    expect(await device.outbox.count()).toBe(0);
    // A lost answer: the device sends the same change again.
    await device.outbox.add({ ...change, author, state: 'pending', message: null });
    expect((await pushOutbox(device, sendToServer)).sent).toBe(1);
    const updates = await t.db.query(`SELECT id FROM records WHERE entity = 'activityUpdate' AND id = $1`, [historyId(change.id)]);
    expect(updates).toHaveLength(1);
    await pull(device, fetchPage);
    expect(await device.activityUpdate.get(historyId(change.id))).toMatchObject({ version: 1, toStatus: 'Klar' });
  });

  it('keeps a conflicting status change on the record, beside the one that stands, instead of overwriting', async () => {
    const activity = await bupActivity();
    const change = statusChange(activity, 'Försenad', 'Försenad enligt mig.');
    await recordChange(device, change, author);
    const server = (await getRecord(t.db, 'activity', activity.id))!;
    await t.db.transaction((tx) => putRecords(tx, 'activity', [{ ...server, status: 'Avbruten', latestComment: 'Avbruten av förvaltningen.' }]));
    expect(await pushOutbox(device, sendToServer)).toMatchObject({ sent: 1, conflicts: 1, rejected: 0 });
    const stored = (await getRecord(t.db, 'activity', activity.id))!;
    expect(stored.status).toBe('Avbruten');
    expect(stored.conflicts).toEqual([expect.objectContaining({ mutationId: change.id, status: 'Försenad', authorName: 'Test rapportör' })]);
    await pull(device, fetchPage);
    expect((await device.activity.get(activity.id))!.conflicts).toHaveLength(1);
    expect(await device.activityUpdate.get(historyId(change.id))).toMatchObject({ conflict: true, toStatus: 'Försenad', version: 1 });
  });

  it('shows a rejected change to its author with the reason, and keeps it', async () => {
    const [{ id: otherUnitActivity }] = (await t.db.query<{ id: string }>(
      `SELECT id FROM records WHERE entity = 'activity' AND unit_id <> $1 AND NOT deleted LIMIT 1`,
      [bupUnit],
    )) as [{ id: string }];
    const change = statusChange({ id: otherUnitActivity, version: 1 }, 'Klar', 'Inte min enhet.');
    await device.outbox.add({ ...change, author, state: 'pending', message: null });
    expect(await pushOutbox(device, sendToServer)).toMatchObject({ sent: 0, rejected: 1 });
    expect(await device.outbox.toArray()).toEqual([expect.objectContaining({ state: 'rejected', message: expect.stringMatching(/behörighet|finns inte/) })]);
  });

  it('keeps everything queued when the session has expired, and sends it all once the person signs in again', async () => {
    const activity = await bupActivity();
    await recordChange(device, statusChange(activity, 'Försenad', 'Skrivet i källaren.'), author);
    await recordChange(device, statusChange(activity, 'Försenad', 'Och en rad till.'), author);
    const expired = serverSender('test-device-2');
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => t.anonymous.request(input, init));
    try {
      expect(await pushOutbox(device, expired)).toEqual({ sent: 0, conflicts: 0, rejected: 0, stopped: 'unauthenticated' });
    } finally {
      vi.stubGlobal('fetch', (input: string, init?: RequestInit) => bup.request(input, init));
    }
    expect(await device.outbox.where('state').equals('pending').count()).toBe(2);
    expect((await pushOutbox(device, sendToServer)).sent).toBe(2);
  });

  it('stays queued when the server cannot be reached', async () => {
    const activity = await bupActivity();
    await recordChange(device, statusChange(activity, 'Försenad', 'Ingen täckning.'), author);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    try {
      expect(await pushOutbox(device, sendToServer)).toEqual({ sent: 0, conflicts: 0, rejected: 0, stopped: 'unreachable' });
    } finally {
      vi.stubGlobal('fetch', (input: string, init?: RequestInit) => bup.request(input, init));
    }
    expect(await device.outbox.where('state').equals('pending').count()).toBe(1);
  });

  it('finds the one change a server fails on by halving the batch, sets it aside with its text, and sends the rest', async () => {
    const activity = await bupActivity();
    const changes = Array.from({ length: 60 }, (_, n) => ({ ...statusChange(activity, 'Försenad', `Rad ${n}.`), args: { status: null, statusParts: null, text: `Rad ${n}.`, baseVersion: activity.version, writtenAt: null } }) as Mutation);
    for (const change of changes) await recordChange(device, change, author);
    const poisoned = changes[41]!.id;
    const batches: number[] = [];
    // The server failing (500) on any batch holding that one change, as a bug in its handling would.
    const failingOnOne: SendBatch = async (mutations) => {
      batches.push(mutations.length);
      return mutations.some((m) => m.id === poisoned) ? { kind: 'failed' } : sendToServer(mutations);
    };
    expect(await pushOutbox(device, failingOnOne)).toEqual({ sent: 59, conflicts: 0, rejected: 1, stopped: null });
    expect(await device.outbox.toArray()).toEqual([expect.objectContaining({ id: poisoned, state: 'rejected', args: expect.objectContaining({ text: 'Rad 41.' }) })]);
    expect(batches.length, 'halving finds it in a few requests, not one per change').toBeLessThanOrEqual(16);
    const { body } = await bup.json(`/api/activities/${activity.id}`);
    expect(body.updates.filter((u: { text: string }) => /^Rad \d+\.$/.test(u.text)).map((u: { text: string }) => u.text).sort()).toEqual(changes.filter((c) => c.id !== poisoned).map((c) => (c.args as { text: string }).text).sort());
  });

  it('keeps everything queued when the server fails on every batch, even an empty one', async () => {
    const activity = await bupActivity();
    await recordChange(device, statusChange(activity, 'Försenad', 'Servern är trasig.'), author);
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'internal', message: 'Något gick fel på servern.' } }, { status: 500 }));
    try {
      expect(await pushOutbox(device, sendToServer)).toEqual({ sent: 0, conflicts: 0, rejected: 0, stopped: 'unreachable' });
    } finally {
      vi.stubGlobal('fetch', (input: string, init?: RequestInit) => bup.request(input, init));
    }
    expect(await device.outbox.where('state').equals('pending').count()).toBe(1);
  });
});
