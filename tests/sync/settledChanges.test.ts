import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomeId } from '@shared/logic/recordIds.ts';
import { recordChange } from '../../client/sync/outbox.ts';
import { pull } from '../../client/sync/pull.ts';
import { pushOutbox, type SendBatch } from '../../client/sync/push.ts';
import { getRecord } from '../../server/db/records.ts';
import { activityUpdate, inProcessDevice, outcomeSet } from '../fixtures/inProcessDevice.ts';
import { importTestPlan } from '../fixtures/planDocument.ts';
import { openTestApp, type TestApp } from '../fixtures/testApp.ts';

/**
 * Once the server has settled a change (applied, kept as a conflict, or refused), the device's copy of
 * the record must come to equal the server's again, however the answer and the pulls were interleaved.
 */
let t: TestApp;

// Opening a database can take a while on a busy machine.
beforeAll(async () => {
  t = await openTestApp();
}, 60_000);
afterAll(() => t.close());

/** The server applies the batch, and the answer is lost on its way back. */
const losingAnswers =
  (send: SendBatch): SendBatch =>
  async (mutations) => {
    await send(mutations);
    return { kind: 'unreachable' };
  };

async function setting() {
  const plan = await importTestPlan(t.db);
  const activity = await plan.byKey('activity', 'webbtidbocker');
  const indicator = await plan.byKey('indicator', 'hyrlakare');
  const anna = inProcessDevice(await t.userWith('rapportör', activity.unitId, { name: 'Anna' }), 'Anna');
  const bo = inProcessDevice(await t.userWith('rapportör', activity.unitId, { name: 'Bo' }), 'Bo');
  await pull(anna.db, anna.fetchPage);
  await pull(bo.db, bo.fetchPage);
  return { activity, indicator, anna, bo };
}

describe('a change whose answer was lost, pulled before it is sent again', () => {
  it('leaves the activity as the server has it, not with the change laid over a later one', async () => {
    const { activity, anna, bo } = await setting();
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Försenad', 'Lokalerna dröjer.'), anna.author);
    expect((await pushOutbox(anna.db, losingAnswers(anna.send))).stopped).toBe('unreachable');
    // Bo saw Anna's change and moves the activity on.
    await pull(bo.db, bo.fetchPage);
    const seen = (await bo.db.activity.get(activity.id))!;
    await recordChange(bo.db, activityUpdate(activity.id, seen.version, 'Klar', 'Lokalerna är klara.'), bo.author);
    expect(await pushOutbox(bo.db, bo.send)).toMatchObject({ sent: 1, conflicts: 0 });

    await pull(anna.db, anna.fetchPage);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ sent: 1, stopped: null });
    await pull(anna.db, anna.fetchPage);
    const server = (await getRecord(t.db, 'activity', activity.id))!;
    expect(server.status).toBe('Klar');
    expect(await anna.db.activity.get(activity.id)).toEqual(server);
  });

  it('leaves an outcome as the server has it', async () => {
    const { indicator, anna, bo } = await setting();
    await recordChange(anna.db, outcomeSet(indicator.id, 12, null), anna.author);
    expect((await pushOutbox(anna.db, losingAnswers(anna.send))).stopped).toBe('unreachable');
    await pull(bo.db, bo.fetchPage);
    const cell = outcomeId(indicator.id, '2026-03', null, 'T');
    await recordChange(bo.db, outcomeSet(indicator.id, 14, (await bo.db.outcome.get(cell))!.version), bo.author);
    expect(await pushOutbox(bo.db, bo.send)).toMatchObject({ sent: 1, conflicts: 0 });

    await pull(anna.db, anna.fetchPage);
    await pushOutbox(anna.db, anna.send);
    await pull(anna.db, anna.fetchPage);
    const server = (await getRecord(t.db, 'outcome', cell))!;
    expect(server.value).toBe(14);
    expect(await anna.db.outcome.get(cell)).toEqual(server);
  });
});

describe('a change the server refused', () => {
  it('leaves the device showing the record as the server has it', async () => {
    const { activity, anna } = await setting();
    const grants = await t.db.query<{ id: string }>(`SELECT g.id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.id = $1`, [anna.author.id]);
    // Anna may still read the unit, but no longer write it.
    await t.json(`/api/admin/users/${anna.author.id}/grants`, { method: 'POST', body: JSON.stringify({ unitId: activity.unitId, role: 'läsare' }) });
    await recordChange(anna.db, activityUpdate(activity.id, activity.version, 'Klar', 'Klart.'), anna.author);
    for (const grant of grants) await t.json(`/api/admin/grants/${grant.id}`, { method: 'DELETE' });

    await pull(anna.db, anna.fetchPage);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ rejected: 1 });
    await pull(anna.db, anna.fetchPage);
    expect(await anna.db.activity.get(activity.id)).toEqual(await getRecord(t.db, 'activity', activity.id));
  });

  it('removes an outcome the server never had', async () => {
    const { indicator, anna } = await setting();
    // An older copy of the indicator, from before it became a share on the server: 150 passes only on the device.
    await anna.db.indicator.update(indicator.id, { measure: 'mnkr' });
    await recordChange(anna.db, outcomeSet(indicator.id, 150, null), anna.author);
    expect(await pushOutbox(anna.db, anna.send)).toMatchObject({ rejected: 1 });
    await pull(anna.db, anna.fetchPage);
    expect(await anna.db.outcome.get(outcomeId(indicator.id, '2026-03', null, 'T'))).toBeUndefined();
  });
});
