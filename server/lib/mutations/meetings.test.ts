import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingId, meetingNoteId } from '@shared/logic/recordIds.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { importTestPlan } from '../../../tests/fixtures/planDocument.ts';
import { openTestApp, type Requester, type TestApp } from '../../../tests/fixtures/testApp.ts';
import { getRecord } from '../../db/records.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const push = async (who: Requester, name: Mutation['name'], recordId: string, args: Record<string, unknown>, deviceId = 'device-meetings') => {
  const { body } = await who.json('/api/sync/push', {
    method: 'POST',
    body: JSON.stringify({ deviceId, mutations: [{ name, recordId, args, id: randomUUID(), createdAt: new Date().toISOString() }] }),
  });
  return body.results[0] as { status: string; message?: string; version?: number };
};
const note = (key: string, text: string, baseVersion: number | null, extra: Record<string, unknown> = {}) => ({
  key, kind: 'avsnitt', heading: 'Utmaningar', text, links: [], responsible: null, dueDate: null, status: null, order: 1, baseVersion, ...extra,
});
const pulledIds = async (who: Requester, entity: string) =>
  ((await who.json('/api/sync/pull?since=0&limit=5000')).body.changes as { entity: string; id: string; deleted: boolean }[]).filter((c) => c.entity === entity && !c.deleted).map((c) => c.id);

describe('dialogue meetings', () => {
  it('are written by the unit’s controller, read by the unit and above, never by the units below, and never lose a word', async () => {
    const plan = await importTestPlan(t.db);
    const below = (await plan.byKey('activity', 'webbtidbocker')).unitId;
    const unitId = (await getRecord(t.db, 'unit', below))!.parentId!;
    const controller = await t.userWith('controller', unitId, { name: 'Cilla Controller' });
    const secondController = await t.userWith('controller', unitId, { name: 'Sture Sekreterare' });
    const rapportör = await t.userWith('rapportör', unitId);
    const reader = await t.userWith('läsare', unitId);
    const fromBelow = await t.userWith('controller', below);
    const key = randomUUID();
    const id = meetingId(unitId, key);
    const meeting = { key, planId: plan.planId, period: '2025-T1', date: '2025-02-20', title: 'Resultatdialog Delår 1', participants: ['Ordförande', 'Förvaltningsdirektör'], baseVersion: null };

    expect(await push(rapportör, 'meeting.save', unitId, meeting)).toMatchObject({ status: 'rejected', message: 'Du har inte behörighet att ändra uppgifter för den här enheten.' });
    expect(await push(controller, 'meeting.save', unitId, { ...meeting, period: '2025-03' })).toMatchObject({ status: 'rejected', message: 'Perioden är inget rapporteringstillfälle i planen.' });
    expect(await push(controller, 'meeting.save', unitId, meeting)).toMatchObject({ status: 'applied' });
    expect(await getRecord(t.db, 'meeting', id)).toMatchObject({ unitId, createdBy: 'Cilla Controller', participants: ['Ordförande', 'Förvaltningsdirektör'] });

    // Two people write into the same meeting: each paragraph its own record; the same paragraph edited at once keeps both.
    const a = randomUUID();
    const b = randomUUID();
    expect(await push(controller, 'meetingNote.save', id, note(a, 'Demografin är nämndens största utmaning.', null))).toMatchObject({ status: 'applied' });
    expect(await push(secondController, 'meetingNote.save', id, note(b, 'Bemanningstal är framtagna.', null, { heading: 'Ekonomi' }), 'device-two')).toMatchObject({ status: 'applied' });
    expect(await push(controller, 'meetingNote.save', id, note(a, 'Demografin, och BUP.', 1))).toMatchObject({ status: 'applied' });
    const late = await push(secondController, 'meetingNote.save', id, note(a, 'Demografin, och KK.', 1), 'device-two');
    expect(late.status).toBe('conflict');
    const kept = (await getRecord(t.db, 'meetingNote', meetingNoteId(id, a)))!;
    expect(kept.text).toBe('Demografin, och BUP.');
    expect(kept.conflicts.map((c) => [c.authorName, c.text])).toEqual([['Sture Sekreterare', 'Demografin, och KK.']]);
    expect(await push(controller, 'meetingNote.save', id, note(a, 'Demografin, och BUP och KK.', kept.version, { settles: [kept.conflicts[0]!.mutationId] }))).toMatchObject({ status: 'applied' });
    expect(await getRecord(t.db, 'meetingNote', meetingNoteId(id, a))).toMatchObject({ text: 'Demografin, och BUP och KK.', conflicts: [] });

    expect(await push(controller, 'meetingNote.save', id, note(randomUUID(), 'x', null, { kind: 'avsnitt', status: 'Öppen' }))).toMatchObject({ status: 'rejected' });
    expect(await push(reader, 'meetingNote.save', id, note(randomUUID(), 'Läsaren.', null))).toMatchObject({ status: 'rejected', message: 'Du har inte behörighet att ändra uppgifter för den här enheten.' });
    expect(await push(fromBelow, 'meetingNote.save', id, note(randomUUID(), 'Från nedan.', null))).toMatchObject({ status: 'rejected', message: 'Mötet finns inte.' });

    expect(await pulledIds(reader, 'meeting')).toContain(id);
    expect(await pulledIds(reader, 'meetingNote')).toEqual(expect.arrayContaining([meetingNoteId(id, a), meetingNoteId(id, b)]));
    // The unit below reads the plan of the unit above, but not what was said of it in the unit's dialogue.
    expect(await pulledIds(fromBelow, 'unit')).toContain(unitId);
    expect(await pulledIds(fromBelow, 'meeting')).toEqual([]);
    expect(await pulledIds(fromBelow, 'meetingNote')).toEqual([]);

    const audit = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE record_id = $1 ORDER BY id`, [meetingNoteId(id, a)]);
    expect(audit.map((r) => r.action)).toEqual(['meetingNote.save', 'meetingNote.save', 'meetingNote.save.conflict', 'meetingNote.save']);
  });
});
