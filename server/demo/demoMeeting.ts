import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { planReportPoints } from '@shared/logic/calendar.ts';
import { meetingId } from '@shared/logic/recordIds.ts';
import { FollowUpStatusSchema, NoteKindSchema } from '@shared/schemas/meeting.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import { v5 as uuidv5 } from 'uuid';
import type { Database } from '../db/database.ts';
import { loadAccess } from '../lib/access.ts';
import { runMutation } from '../lib/mutations/runMutation.ts';
import { loadGrants } from '../lib/session.ts';

/** The demo's dialogue meeting: the real notes of one, written as its secretary would in Målbild. */
const MeetingFileSchema = v.object({
  source: v.string(),
  unit: v.string(),
  plan: v.string(),
  reportPoint: v.string(),
  date: v.string(),
  title: v.string(),
  participants: v.array(v.string()),
  notes: v.array(
    v.object({
      kind: NoteKindSchema,
      heading: v.string(),
      text: v.string(),
      links: v.optional(v.array(v.object({ entity: v.picklist(['goal', 'indicator', 'activity']), key: v.string() })), []),
      status: v.optional(FollowUpStatusSchema),
    }),
  ),
});

/** The demo's own namespace for the keys a device would otherwise choose at random. */
const DEMO_NAMESPACE = '2b8e6f40-9c1d-4a73-8e25-5f0d7c3a1b96';
/** The demo account that writes it: the administration's controller, who keeps meeting notes on the unit. */
const WRITER_EMAIL = 'controller@malbild.example';

/**
 * Writes the demo's dialogue meeting (server/demo/meeting-2025-02-20.json) into a database whose demo plans
 * and accounts are in and that has no meeting yet, through the same changes a tablet sends, so its rights,
 * records and audit are what a real meeting's are. Returns how many notes it wrote.
 */
export async function loadDemoMeetingIfNone(db: Database): Promise<number> {
  const [existing] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE entity = 'meeting'`);
  if ((existing?.n ?? 0) > 0) return 0;
  const file = v.parse(MeetingFileSchema, JSON.parse(readFileSync(new URL('./meeting-2025-02-20.json', import.meta.url), 'utf8')));
  const [writer] = await db.query<{ id: string; name: string; email: string }>('SELECT id, name, email FROM users WHERE email = $1', [WRITER_EMAIL]);
  const [plan] = await db.query<{ id: string; data: Plan }>(`SELECT id, data FROM records WHERE entity = 'plan' AND data->>'key' = $1 AND NOT deleted`, [file.plan]);
  const [unit] = await db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = $1 AND NOT deleted`, [file.unit]);
  if (!writer || !plan || !unit) return 0;
  const period = planReportPoints(plan.data).find((point) => point.name === file.reportPoint)?.period;
  if (!period) throw new Error(`The demo meeting's report point ${file.reportPoint} is not in ${file.plan}`);

  const access = await loadAccess(db, { ...writer, grants: await loadGrants(db, writer.id), scopeVersion: 0 });
  const actor = { access, deviceId: null, client: 'demodata' };
  const demoId = (name: string) => uuidv5(name, DEMO_NAMESPACE);
  const recordIdOf = async (entity: string, key: string) => {
    const [row] = await db.query<{ id: string }>(`SELECT id FROM records WHERE entity = $1 AND data->>'planId' = $2 AND data->>'key' = $3 AND NOT deleted`, [entity, plan.id, key]);
    if (!row) throw new Error(`The demo meeting links to ${entity} ${key}, which ${file.plan} does not have`);
    return row.id;
  };
  const run = async (mutation: Omit<Mutation, 'createdAt'>) => {
    const { result } = await runMutation(db, actor, { ...mutation, createdAt: new Date().toISOString() } as Mutation);
    if (result.status !== 'applied') throw new Error(`The demo meeting could not be written: ${result.message}`);
  };

  const key = demoId(`meeting/${file.date}`);
  await run({
    id: demoId(`meeting/${file.date}/save`),
    name: 'meeting.save',
    recordId: unit.id,
    args: { key, planId: plan.id, period, date: file.date, title: file.title, participants: file.participants, baseVersion: null, settles: [] },
  });
  const meeting = meetingId(unit.id, key);
  for (const [order, note] of file.notes.entries()) {
    const links = await Promise.all(note.links.map(async (link) => ({ entity: link.entity, id: await recordIdOf(link.entity, link.key) })));
    const followUp = note.kind === 'uppföljning';
    await run({
      id: demoId(`meeting/${file.date}/note/${order}`),
      name: 'meetingNote.save',
      recordId: meeting,
      args: { key: demoId(`meeting/${file.date}/note/${order}/key`), kind: note.kind, order, heading: note.heading, text: note.text, links, responsible: null, dueDate: null, status: followUp ? (note.status ?? 'Öppen') : null, baseVersion: null, settles: [] },
    });
  }
  return file.notes.length;
}
