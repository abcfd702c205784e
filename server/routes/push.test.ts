import { historyId } from '@shared/logic/recordIds.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';
import { openTestApp, type Requester, type TestApp } from '../../tests/fixtures/testApp.ts';
import { deleteRecord, getRecord } from '../db/records.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const push = (who: Requester, mutations: unknown[], deviceId = 'device-aaaaaaaa') =>
  who.json('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId, mutations }) });

const statusChange = (recordId: string, baseVersion: number, status: 'Försenad' | 'Klar' | 'Enligt plan', text: string | null = 'Motivering.'): Mutation => ({
  id: randomUUID(),
  name: 'activity.update',
  recordId,
  createdAt: new Date().toISOString(),
  args: { status, statusParts: null, text, baseVersion, writtenAt: '2026-11-20T08:00:00.000Z' },
});

/** A plan of the test's own (its units too), so no test shares a record, a version or a history with another. */
async function freshPlan() {
  const plan = await importTestPlan(t.db);
  const activity = await plan.byKey('activity', 'webbtidbocker');
  return { plan, activity, unitId: activity.unitId };
}

describe('POST /api/sync/push', () => {
  it('applies a batch once, however often it is delivered (a lost answer, then a retry)', async () => {
    const { activity, unitId } = await freshPlan();
    const rapportör = await t.userWith('rapportör', unitId);
    const batch = [statusChange(activity.id, activity.version, 'Klar'), { ...statusChange(activity.id, activity.version, 'Klar'), args: { text: 'En kommentar till.', baseVersion: activity.version } }];
    const first = await push(rapportör, batch);
    expect(first.body.results.map((r: any) => r.status)).toEqual(['applied', 'applied']);
    const server = (await getRecord(t.db, 'activity', activity.id))!;
    // Each answer says which version of the activity the change made; the last one is the version that stands.
    expect(first.body.results.map((r: any) => r.version)).toEqual([activity.version + 1, activity.version + 2]);
    expect(first.body.results[1]).toMatchObject({ version: server.version, seq: server.seq });
    const again = await push(rapportör, batch);
    expect(again.body).toEqual(first.body);
    const { body } = await t.json(`/api/activities/${activity.id}`);
    expect(body.updates.filter((u: any) => batch.some((m) => historyId(m.id) === u.id))).toHaveLength(2);
  });

  it('applies the same batch arriving twice at once only once', async () => {
    const { activity, unitId } = await freshPlan();
    const rapportör = await t.userWith('rapportör', unitId);
    const batch = [statusChange(activity.id, activity.version, 'Enligt plan', 'Samtidigt.')];
    const [a, b] = await Promise.all([push(rapportör, batch), push(rapportör, batch)]);
    expect(a.body).toEqual(b.body);
    const rows = await t.db.query(`SELECT id FROM records WHERE entity = 'activityUpdate' AND id = $1`, [historyId(batch[0]!.id)]);
    expect(rows).toHaveLength(1);
    expect((await getRecord(t.db, 'activity', activity.id))!.version).toBe(activity.version + 1);
  });

  it('keeps both of two offline status changes: the later is a conflict, shown with who wrote it, and one choice settles it', async () => {
    const { activity, unitId } = await freshPlan();
    const [anna, bo] = [await t.userWith('rapportör', unitId, { name: 'Anna' }), await t.userWith('rapportör', unitId, { name: 'Bo' })];
    const annas = statusChange(activity.id, activity.version, 'Försenad', 'Lokalerna är inte klara.');
    const bos = statusChange(activity.id, activity.version, 'Klar', 'Allt klart här.');
    expect((await push(anna, [annas], 'device-anna-0001')).body.results[0].status).toBe('applied');
    const second = (await push(bo, [bos], 'device-bo-00001')).body.results[0];
    expect(second).toMatchObject({ status: 'conflict', message: expect.stringMatching(/Båda ändringarna finns kvar/) });

    const { body } = await t.json(`/api/activities/${activity.id}`);
    expect(body.activity.status).toBe('Försenad');
    expect(body.activity.conflicts).toEqual([expect.objectContaining({ mutationId: bos.id, status: 'Klar', authorName: 'Bo', writtenAt: '2026-11-20T08:00:00.000Z' })]);
    expect(body.updates.find((u: any) => u.id === historyId(bos.id))).toMatchObject({ conflict: true, toStatus: 'Klar', authorName: 'Bo' });
    expect(body.updates.find((u: any) => u.id === historyId(annas.id))).toMatchObject({ conflict: false, toStatus: 'Försenad', authorName: 'Anna' });

    const resolve: Mutation = { id: randomUUID(), name: 'activity.resolve', recordId: activity.id, createdAt: new Date().toISOString(), args: { status: 'Klar', statusParts: null, settles: [bos.id], baseVersion: (await getRecord(t.db, 'activity', activity.id))!.version } };
    expect((await push(anna, [resolve], 'device-anna-0001')).body.results[0].status).toBe('applied');
    const settled = (await getRecord(t.db, 'activity', activity.id))!;
    expect(settled).toMatchObject({ status: 'Klar', conflicts: [] });
  });

  it('keeps two offline comments on the same activity without any conflict', async () => {
    const { activity, unitId } = await freshPlan();
    const [anna, bo] = [await t.userWith('rapportör', unitId), await t.userWith('rapportör', unitId)];
    const comment = (text: string): Mutation => ({
      id: randomUUID(),
      name: 'activity.update',
      recordId: activity.id,
      createdAt: new Date().toISOString(),
      args: { status: null, statusParts: null, text, baseVersion: activity.version, writtenAt: null },
    });
    const results = [(await push(anna, [comment('Annas kommentar.')])).body.results[0], (await push(bo, [comment('Bos kommentar.')])).body.results[0]];
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const { body } = await t.json(`/api/activities/${activity.id}`);
    expect(body.updates.map((u: any) => u.text)).toEqual(expect.arrayContaining(['Annas kommentar.', 'Bos kommentar.']));
    expect(body.activity.conflicts).toEqual([]);
  });

  it('shows both values when two devices enter different outcomes for the same indicator and period', async () => {
    const { plan, unitId } = await freshPlan();
    const [anna, bo] = [await t.userWith('rapportör', unitId, { name: 'Anna' }), await t.userWith('rapportör', unitId, { name: 'Bo' })];
    const indicator = await plan.byKey('indicator', 'hyrlakare');
    const outcome = (value: number): Mutation => ({ id: randomUUID(), name: 'outcome.set', recordId: indicator.id, createdAt: new Date().toISOString(), args: { period: '2026-10', subSeriesKey: null, gender: 'T', value, comment: null, baseVersion: null } });
    expect((await push(anna, [outcome(12)])).body.results[0].status).toBe('applied');
    expect((await push(bo, [outcome(14)])).body.results[0].status).toBe('conflict');
    const { body } = await t.json(`/api/indicators/${indicator.id}`);
    const cell = body.outcomes.find((o: any) => o.period === '2026-10');
    expect(cell).toMatchObject({ value: 12, enteredBy: 'Anna', conflicts: [expect.objectContaining({ value: 14, authorName: 'Bo' })] });
  });

  it('rejects, with a reason the author can read, a change from someone whose rights were revoked', async () => {
    const { activity, unitId } = await freshPlan();
    const rapportör = await t.userWith('rapportör', unitId);
    const [grant] = await t.db.query<{ id: string }>('SELECT id FROM grants WHERE user_id = $1', [rapportör.userId]);
    await t.json(`/api/admin/grants/${grant!.id}`, { method: 'DELETE' });
    const { status, body } = await push(rapportör, [statusChange(activity.id, activity.version, 'Klar')]);
    expect(status).toBe(200);
    expect(body.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/finns inte|behörighet/) });
  });

  it('rejects a change to a record deleted on the server', async () => {
    const { activity, unitId } = await freshPlan();
    const rapportör = await t.userWith('rapportör', unitId);
    await t.db.transaction((tx) => deleteRecord(tx, 'activity', activity.id));
    const { body } = await push(rapportör, [statusChange(activity.id, activity.version, 'Klar')]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', message: 'Aktiviteten finns inte.' });
  });

  it('applies the valid mutations of a batch that also holds invalid ones, and says what was wrong', async () => {
    const { activity, unitId } = await freshPlan();
    const rapportör = await t.userWith('rapportör', unitId);
    const valid = statusChange(activity.id, activity.version, 'Enligt plan', 'Giltig.');
    const tampered = { ...statusChange(activity.id, activity.version, 'Klar'), args: { status: 'Halvklar', baseVersion: activity.version } };
    const noReason = statusChange(activity.id, activity.version, 'Försenad', null);
    const { body } = await push(rapportör, [tampered, valid, noReason, 'skräp']);
    expect(body.results.map((r: any) => r.status)).toEqual(['rejected', 'applied', 'rejected', 'rejected']);
    expect(body.results[0].message).toMatch(/Status måste vara/);
    expect(body.results[2].message).toMatch(/kommentar om varför/);
    expect(JSON.stringify(body)).not.toContain('Halvklar');
  });

  it('refuses a batch that is not a batch with 400', async () => {
    const { status, body } = await t.json('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'x', mutations: 'nej' }) });
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_input');
  });

  it('answers a change whose text the database cannot store rejected, and applies the changes after it', async () => {
    const { activity, unitId } = await freshPlan();
    const rapportör = await t.userWith('rapportör', unitId);
    const comment = (text: string): Mutation => ({ ...statusChange(activity.id, activity.version, 'Klar'), name: 'activity.update', args: { status: null, statusParts: null, text, baseVersion: activity.version, writtenAt: null } });
    const batch = [comment('Före.'), comment('Trasig\ud800'), comment('Med\u0000nolla'), comment('Efter.')];
    const { status, body } = await push(rapportör, batch);
    expect(status).toBe(200);
    expect(body.results.map((r: any) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(body.results[1].message).toBe('Ändringen är ogiltig: args.text: Texten innehåller ett tecken som inte kan sparas.');
    const { body: stored } = await t.json(`/api/activities/${activity.id}`);
    expect(stored.updates.map((u: any) => u.text)).toEqual(expect.arrayContaining(['Före.', 'Efter.']));
  });

  it('refuses a status split into more parts than any activity has, and keeps the activity as it was', async () => {
    const { activity, unitId } = await freshPlan();
    const rapportör = await t.userWith('rapportör', unitId);
    const parts = Array.from({ length: 20_000 }, (_, i) => ({ part: `Del ${i}`, status: 'Klar' }));
    const { status, body } = await t.json('/api/sync/push', {
      method: 'POST',
      headers: { cookie: rapportör.cookie },
      body: JSON.stringify({ deviceId: 'device-aaaaaaaa', mutations: [{ ...statusChange(activity.id, activity.version, 'Klar'), args: { statusParts: parts, baseVersion: activity.version } }] }),
    });
    // Past the body limit, or refused by the schema: never stored either way.
    expect([200, 413]).toContain(status);
    if (status === 200) expect(body.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/Högst 20 delar/) });
    const few = Array.from({ length: 21 }, (_, i) => ({ part: `Del ${i}`, status: 'Klar' }));
    const refused = (await push(rapportör, [{ ...statusChange(activity.id, activity.version, 'Klar'), args: { statusParts: few, baseVersion: activity.version } }])).body.results[0];
    expect(refused).toMatchObject({ status: 'rejected', message: 'Ändringen är ogiltig: args.statusParts: Högst 20 delar.' });
    expect((await getRecord(t.db, 'activity', activity.id))!).toMatchObject({ version: activity.version, statusParts: activity.statusParts });
  });

  it('keeps another analysis written on a stale base as a conflict, even with the same grade', async () => {
    const { plan, unitId } = await freshPlan();
    const [anna, bo] = [await t.userWith('rapportör', unitId, { name: 'Anna' }), await t.userWith('rapportör', unitId, { name: 'Bo' })];
    const goal = await plan.byKey('goal', 'tillganglighet');
    const assess = (analysis: string): Mutation => ({ id: randomUUID(), name: 'goalAssessment.set', recordId: goal.id, createdAt: new Date().toISOString(), args: { period: '2026-T1', assessment: 'positiv', analysis, baseVersion: null } });
    expect((await push(anna, [assess('Annas analys.')], 'device-anna-0001')).body.results[0].status).toBe('applied');
    expect((await push(bo, [assess('Bos analys.')], 'device-bo-00001')).body.results[0].status).toBe('conflict');
    const { body } = await t.json(`/api/goals/${goal.id}`);
    expect(body.assessments.find((a: any) => a.period === '2026-T1')).toMatchObject({
      analysis: 'Annas analys.',
      conflicts: [expect.objectContaining({ assessment: 'positiv', analysis: 'Bos analys.', authorName: 'Bo' })],
    });
  });

  it('keeps another comment with the same value, written on a stale base, as a conflict', async () => {
    const { plan, unitId } = await freshPlan();
    const [anna, bo] = [await t.userWith('rapportör', unitId, { name: 'Anna' }), await t.userWith('rapportör', unitId, { name: 'Bo' })];
    const indicator = await plan.byKey('indicator', 'hyrlakare');
    const enter = (comment: string): Mutation => ({ id: randomUUID(), name: 'outcome.set', recordId: indicator.id, createdAt: new Date().toISOString(), args: { period: '2026-09', subSeriesKey: null, gender: 'T', value: 3.5, comment, baseVersion: null } });
    expect((await push(anna, [enter('Annas förklaring.')], 'device-anna-0001')).body.results[0].status).toBe('applied');
    expect((await push(bo, [enter('Bos förklaring.')], 'device-bo-00001')).body.results[0].status).toBe('conflict');
    const { body } = await t.json(`/api/indicators/${indicator.id}`);
    expect(body.outcomes.find((o: any) => o.period === '2026-09')).toMatchObject({ comment: 'Annas förklaring.', conflicts: [expect.objectContaining({ value: 3.5, comment: 'Bos förklaring.' })] });
  });

  it('keeps a second settlement of a conflict someone else already settled as a conflict, showing both choices', async () => {
    const { activity, unitId } = await freshPlan();
    const [anna, bo, cilla] = [await t.userWith('rapportör', unitId, { name: 'Anna' }), await t.userWith('rapportör', unitId, { name: 'Bo' }), await t.userWith('rapportör', unitId, { name: 'Cilla' })];
    await push(anna, [statusChange(activity.id, activity.version, 'Försenad', 'Lokalerna dröjer.')], 'device-anna-0001');
    const bos = statusChange(activity.id, activity.version, 'Klar', 'Klart här.');
    await push(bo, [bos], 'device-bo-00001');
    const seen = (await getRecord(t.db, 'activity', activity.id))!;
    const settle = (status: 'Klar' | 'Försenad'): Mutation => ({ id: randomUUID(), name: 'activity.resolve', recordId: activity.id, createdAt: new Date().toISOString(), args: { status, statusParts: null, settles: [bos.id], baseVersion: seen.version } });
    expect((await push(anna, [settle('Klar')], 'device-anna-0001')).body.results[0].status).toBe('applied');
    const second = (await push(cilla, [settle('Försenad')], 'device-cilla-001')).body.results[0];
    expect(second).toMatchObject({ status: 'conflict', message: expect.stringMatching(/hann ändra eller välja före dig/) });
    expect((await getRecord(t.db, 'activity', activity.id))!).toMatchObject({ status: 'Klar', conflicts: [expect.objectContaining({ authorName: 'Cilla', status: 'Försenad' })] });
  });

  it('refuses a settlement naming a conflict that does not exist, without touching the status', async () => {
    const { activity, unitId } = await freshPlan();
    const rapportör = await t.userWith('rapportör', unitId);
    const resolve: Mutation = { id: randomUUID(), name: 'activity.resolve', recordId: activity.id, createdAt: new Date().toISOString(), args: { status: 'Avbruten', statusParts: null, settles: [randomUUID()], baseVersion: activity.version } };
    expect((await push(rapportör, [resolve])).body.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/redan löst eller finns inte/) });
    const without = { ...resolve, id: randomUUID(), args: { status: 'Avbruten', statusParts: null, settles: [randomUUID()] } };
    expect((await push(rapportör, [without])).body.results[0]).toMatchObject({ status: 'rejected', message: 'Ändringen är ogiltig: args.baseVersion: Saknas.' });
    expect((await getRecord(t.db, 'activity', activity.id))!).toMatchObject({ status: activity.status, version: activity.version });
  });

  it('sets an assignment’s status and comment, and keeps another written on a stale base as a conflict', async () => {
    const { plan, unitId } = await freshPlan();
    const [anna, bo] = [await t.userWith('rapportör', unitId, { name: 'Anna' }), await t.userWith('rapportör', unitId, { name: 'Bo' })];
    const assignment = await plan.byKey('assignment', 'rf7');
    const report = (status: string, comment: string): Mutation => ({ id: randomUUID(), name: 'assignment.update', recordId: assignment.id, createdAt: new Date().toISOString(), args: { status, comment, baseVersion: assignment.version } });
    expect((await push(anna, [report('Pågående', 'Upphandling klar.')], 'device-anna-0001')).body.results[0].status).toBe('applied');
    expect((await push(bo, [report('Genomfört', 'Allt på plats.')], 'device-bo-00001')).body.results[0].status).toBe('conflict');
    expect((await getRecord(t.db, 'assignment', assignment.id))!).toMatchObject({
      status: 'Pågående',
      comment: 'Upphandling klar.',
      conflicts: [expect.objectContaining({ status: 'Genomfört', comment: 'Allt på plats.', authorName: 'Bo' })],
    });
    const reader = await t.userWith('läsare', unitId);
    expect((await push(reader, [report('Avslutat', 'Nej.')])).body.results[0]).toMatchObject({ status: 'rejected', message: expect.stringMatching(/behörighet/) });
  });
});
