import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeId } from '@shared/logic/recordIds.ts';
import { recordChange } from '../../client/sync/outbox.ts';
import { pull } from '../../client/sync/pull.ts';
import { pushOutbox } from '../../client/sync/push.ts';
import { getRecord } from '../../server/db/records.ts';
import { activityUpdate, inProcessDevice, outcomeSet } from '../fixtures/inProcessDevice.ts';
import { importTestPlan } from '../fixtures/planDocument.ts';
import { openTestApp, type Requester, type TestApp } from '../fixtures/testApp.ts';

/**
 * A person's own changes, made one after the other on one device, must not conflict with each other:
 * each carries the version the device last pulled, and once the first is applied the second would look
 * as if it was made without knowing it ("Någon annan hann ändra …" about themselves). That holds however
 * the first one ended (a new version, nothing new, refused) and whether or not it was pulled back before
 * the second was made; a change by anyone else in between is still a conflict.
 */
let t: TestApp;
// Opening a database can take a while on a busy machine.
beforeAll(async () => {
  t = await openTestApp();
}, 60_000);
afterAll(() => t.close());

function deviceOf(who: Requester & { userId: string }, name: string) {
  const device = inProcessDevice(who, name);
  return { ...device, pull: () => pull(device.db, device.fetchPage) };
}

async function setting() {
  const plan = await importTestPlan(t.db);
  const activity = await plan.byKey('activity', 'webbtidbocker');
  const indicator = await plan.byKey('indicator', 'hyrlakare');
  const annaUser = await t.userWith('rapportör', activity.unitId, { name: 'Anna' });
  const anna = deviceOf(annaUser, 'Anna');
  await anna.pull();
  return { activity, indicator, anna, annaUser };
}

describe('two changes one person made offline to the same record', () => {
  it('are not a conflict with each other: a comment, then a status change', async () => {
    const { activity, anna } = await setting();
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, null, 'Lokalerna är besiktigade.'), anna.author);
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Klar', 'Nu är vi klara.'), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 2, conflicts: 0 });
    expect((await getRecord(t.db, 'activity', activity.id))!.status).toBe('Klar');
  });

  it('are not a conflict with each other: two status changes', async () => {
    const { activity, anna } = await setting();
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Enligt plan', 'Igång igen.'), anna.author);
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Klar', 'Klart.'), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 2, conflicts: 0 });
    expect((await getRecord(t.db, 'activity', activity.id))!.status).toBe('Klar');
  });

  it('are not a conflict when the first changed nothing on the server', async () => {
    const { activity, anna } = await setting();
    // The comment that already stands: the activity keeps its version.
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, null, activity.latestComment ?? ''), anna.author);
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Klar', 'Klart.'), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 2, conflicts: 0 });
    expect((await getRecord(t.db, 'activity', activity.id))!.status).toBe('Klar');
  });

  it('are not a conflict when the first was refused', async () => {
    const { indicator, anna } = await setting();
    const cell = outcomeId(indicator.id, '2026-03', null, 'T');
    await t.json(`/api/indicators/${indicator.id}/outcomes`, { method: 'PUT', body: JSON.stringify({ period: '2026-03', value: 10, baseVersion: null }) });
    await anna.pull();
    const seen = (await anna.db.outcome.get(cell))!;
    // The device's copy is older than the server's, where the indicator has since become a share: 150 passes
    // on the device, the server refuses it, and the person then corrects the value.
    await anna.db.indicator.update(indicator.id, { measure: 'mnkr' });
    await recordChange(anna.db, outcomeSet(indicator.id, 150, seen.version), anna.author);
    await recordChange(anna.db, outcomeSet(indicator.id, 15, seen.version), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 1, rejected: 1, conflicts: 0 });
    expect((await getRecord(t.db, 'outcome', cell))!.value).toBe(15);
  });
});

describe('a change made after the person’s earlier one was sent, before it was pulled back', () => {
  it('is not a conflict', async () => {
    const { activity, anna } = await setting();
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Enligt plan', 'Igång igen.'), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 1, conflicts: 0 });
    // No pull in between: the device still holds the version the first change was made on.
    expect((await anna.db.activity.get(activity.id))!.version).toBe(activity.version);
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Klar', 'Klart.'), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 1, conflicts: 0 });
    expect((await getRecord(t.db, 'activity', activity.id))!.status).toBe('Klar');
  });

  it('is still a conflict when someone else changed the record in between', async () => {
    const { activity, anna } = await setting();
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Enligt plan', 'Igång igen.'), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 1, conflicts: 0 });
    const bo = deviceOf(await t.userWith('rapportör', activity.unitId, { name: 'Bo' }), 'Bo');
    await bo.pull();
    await recordChange(bo.db, activityUpdate(activity.id, (await bo.db.activity.get(activity.id))!.version, 'Klar', 'Klart här.'), bo.author);
    expect(await pushOutbox(bo.db, bo.send)).toMatchObject({ sent: 1, conflicts: 0 });

    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Enligt plan', 'Fortfarande igång.'), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 1, conflicts: 1 });
    const server = (await getRecord(t.db, 'activity', activity.id))!;
    expect(server.status).toBe('Klar');
    expect(server.conflicts.map((k) => k.authorName)).toEqual(['Anna']);
  });
});

describe('the same person on two devices', () => {
  it('is two writers: a change from the second device made on an old version is a conflict', async () => {
    const { activity, anna, annaUser } = await setting();
    const annasPhone = deviceOf(annaUser, 'Anna');
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Enligt plan', 'Från datorn.'), anna.author);
    await recordChange(annasPhone.db, activityUpdate(activity.id, activity.version, 'Klar', 'Från telefonen.'), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 1, conflicts: 0 });
    expect(await pushOutbox(annasPhone.db, annasPhone.send)).toMatchObject({ sent: 1, conflicts: 1 });
  });
});
