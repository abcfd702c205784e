import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDeviceDb } from '../../client/db/database.ts';
import { recordChange } from '../../client/sync/outbox.ts';
import { pull } from '../../client/sync/pull.ts';
import { pushOutbox } from '../../client/sync/push.ts';
import { serverSender, type Transport } from '../../client/sync/serverPush.ts';
import { getRecord } from '../../server/db/records.ts';
import { importTestPlan } from '../fixtures/planDocument.ts';
import { openTestApp, type TestApp } from '../fixtures/testApp.ts';

/**
 * A person's own changes, made one after the other while offline, must not conflict with each other:
 * each would otherwise carry the version the device last pulled, and once the first is applied the
 * second would look as if it was made without knowing it ("Någon annan hann ändra …" about themselves).
 */
let t: TestApp;
// Opening a database can take a while on a busy machine.
beforeAll(async () => {
  t = await openTestApp();
}, 60_000);
afterAll(() => t.close());

async function offlineDevice() {
  const plan = await importTestPlan(t.db);
  const activity = await plan.byKey('activity', 'webbtidbocker');
  const anna = await t.userWith('rapportör', activity.unitId, { name: 'Anna' });
  const transport: Transport = async (input, init) => anna.request(String(input), init);
  const db = openDeviceDb(`own-${randomUUID()}`);
  await pull(db, async (since, limit, scope) => (await anna.json(`/api/sync/pull?since=${since}&limit=${limit}${scope === null ? '' : `&scope=${scope}`}`)).body);
  return { db, activity, author: { id: anna.userId, name: 'Anna' }, send: serverSender(randomUUID(), transport) };
}

describe('two changes one person made offline to the same activity', () => {
  it('are not a conflict with each other: a comment, then a status change', async () => {
    const { db, activity, author, send } = await offlineDevice();
    const base = { recordId: activity.id, createdAt: new Date().toISOString(), name: 'activity.update' as const };
    await recordChange(db, { ...base, id: randomUUID(), args: { status: null, statusParts: null, text: 'Lokalerna är besiktigade.', baseVersion: activity.version, writtenAt: null } }, author);
    await recordChange(db, { ...base, id: randomUUID(), args: { status: 'Klar', statusParts: null, text: 'Nu är vi klara.', baseVersion: activity.version, writtenAt: null } }, author);
    expect(await pushOutbox(db, send)).toMatchObject({ sent: 2, conflicts: 0 });
    expect((await getRecord(t.db, 'activity', activity.id))!.status).toBe('Klar');
  });

  it('are not a conflict with each other: two status changes', async () => {
    const { db, activity, author, send } = await offlineDevice();
    const base = { recordId: activity.id, createdAt: new Date().toISOString(), name: 'activity.update' as const };
    await recordChange(db, { ...base, id: randomUUID(), args: { status: 'Enligt plan', statusParts: null, text: 'Igång igen.', baseVersion: activity.version, writtenAt: null } }, author);
    await recordChange(db, { ...base, id: randomUUID(), args: { status: 'Klar', statusParts: null, text: 'Klart.', baseVersion: activity.version, writtenAt: null } }, author);
    expect(await pushOutbox(db, send)).toMatchObject({ sent: 2, conflicts: 0 });
  });
});
