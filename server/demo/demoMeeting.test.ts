import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type Requester, type TestApp } from '../../tests/fixtures/testApp.ts';
import { openTestDatabase } from '../../tests/fixtures/testDb.ts';
import { getRecord } from '../db/records.ts';
import { createDemoAccounts } from './demoAccounts.ts';
import { loadDemoMeetingIfNone } from './demoMeeting.ts';
import { loadDemoIfEmpty } from './loadDemo.ts';

let t: TestApp;
const unitId = async (key: string) => (await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = $1`, [key]))[0]!.id;

beforeAll(async () => {
  // As a demo start does: the plans, then the accounts into a database with none, then the meeting.
  const db = await openTestDatabase();
  await loadDemoIfEmpty(db);
  await createDemoAccounts(db);
  t = await openTestApp(db);
});
afterAll(() => t.close());

const pulled = async (who: Requester) => {
  const { body } = await who.json('/api/sync/pull?since=0&limit=5000');
  return body.changes as { entity: string; record: any }[];
};

describe('the demo’s dialogue meeting', () => {
  it('is the HSN presidium’s meeting of 2025-02-20 with its real notes, written through the changes a tablet sends', async () => {
    expect(await loadDemoMeetingIfNone(t.db)).toBe(12);
    const reader = await t.userWith('läsare', await unitId('halso-och-sjukvardsforvaltningen'));
    const changes = await pulled(reader);
    const meetings = changes.filter((c) => c.entity === 'meeting').map((c) => c.record);
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ date: '2025-02-20', period: '2024', createdBy: 'Cecilia Controller (HSF)', participants: ['Regionstyrelsens presidium', 'Hälso- och sjukvårdsnämndens presidium'] });
    const notes = changes.filter((c) => c.entity === 'meetingNote').map((c) => c.record).sort((a, b) => a.order - b.order);
    expect(notes.map((n) => n.kind)).toEqual(['medskick', ...Array(7).fill('avsnitt'), 'uppföljning', 'avsnitt', 'uppföljning', 'avsnitt']);
    expect(notes[0]).toMatchObject({ kind: 'medskick', text: 'Ge inte nya uppdrag utan ha tålamod och uthållighet med pågående åtgärder och HoS 2029.' });
    expect(notes.filter((n) => n.kind === 'uppföljning').map((n) => [n.heading, n.status])).toEqual([
      ['Kan HSN jobba mer förebyggande i länet?', 'Öppen'],
      ['Reinvestering i MT-utrustning', 'Öppen'],
    ]);
    const bup = notes.find((n) => n.heading === 'BUP');
    const linked = await Promise.all(bup.links.map(async (link: { entity: string; id: string }) => (await getRecord(t.db, link.entity as 'goal', link.id)) as { title?: string; name?: string }));
    expect(linked.map((record) => record.title ?? record.name)).toEqual(['Förvaltningens verksamhet ska bedrivas med god tillgänglighet', 'BUP, besök', 'BUP, utredning', 'BUP, behandling']);
    const [audited] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('meeting.save', 'meetingNote.save')`);
    expect(audited?.n).toBe(13);
  });

  it('is not for the units below, and is written once', async () => {
    const bup = await t.userWith('rapportör', await unitId('bup'));
    expect((await pulled(bup)).filter((c) => c.entity === 'meeting' || c.entity === 'meetingNote')).toEqual([]);
    expect(await loadDemoMeetingIfNone(t.db)).toBe(0);
  });
});
