import * as v from 'valibot';
import { meetingNoteId } from '../logic/recordIds.ts';
import { UuidSchema } from '../schemas/common.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { NoteContentSchema, NoteKindSchema, type MeetingNote } from '../schemas/meeting.ts';
import { conflictAuthor, NOTHING_TO_SETTLE, remainingAfter, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused } from './kind.ts';

export const MeetingNoteSaveArgsSchema = v.pipe(
  v.object({
    ...NoteContentSchema.entries,
    /** The device's own key for the note; the id follows from it and the meeting (see `meetingNoteId`). */
    key: UuidSchema,
    kind: NoteKindSchema,
    order: v.pipe(v.number('Ange anteckningens plats.'), v.finite(), v.minValue(0), v.maxValue(1e9)),
    /** The version the person edited, or null for a new note. */
    baseVersion: v.nullable(v.pipe(v.number('Ange vilken version ändringen bygger på.'), v.integer(), v.minValue(1))),
    /** Conflicts on this note the text chooses over (the person has read both and kept what stands now). */
    settles: v.optional(v.pipe(v.array(UuidSchema), v.maxLength(LIST_LIMITS.conflicts, `Högst ${LIST_LIMITS.conflicts} konflikter åt gången.`)), []),
  }),
  v.check((note) => note.kind === 'uppföljning' || (note.status === null && note.dueDate === null && note.responsible === null), 'Bara en uppföljningspunkt har ansvarig, datum och status.'),
  v.check((note) => note.kind !== 'uppföljning' || note.status !== null, 'Ange uppföljningspunktens status.'),
);
export type MeetingNoteSaveArgs = v.InferInput<typeof MeetingNoteSaveArgsSchema>;

/**
 * Writes one paragraph of a meeting's notes: a section, a medskick or a follow-up point. Paragraph-level
 * records, not one document: two people at the same meeting each add their own paragraphs and never
 * touch each other's. Two edits of the same paragraph made at once on the same version are both kept: the
 * first stands, the other is kept on the note as a conflict with its author, until someone chooses (a
 * save that names the conflicts it settles). A follow-up point keeps its meeting when its status is set
 * at a later meeting of the same unit.
 */
export const meetingNoteSave = defineMutation({
  name: 'meetingNote.save',
  args: MeetingNoteSaveArgsSchema,
  parent: 'meeting',
  target: 'meetingNote',
  history: null,
  targetId: (meetingId, args) => meetingNoteId(meetingId, args.key),
  baseVersion: (args) => args.baseVersion,
  // Dated by when it is written, as the meeting is (see meeting.save).
  period: () => null,
  conflictMessage: 'Någon annan hann ändra samma anteckning före dig. Båda texterna finns kvar – välj vilken som ska gälla.',
  apply(meeting, current, args, context) {
    if (current && current.kind !== args.kind) return refused('En anteckning kan inte byta slag.', 'state');
    const content = { heading: args.heading, text: args.text, links: args.links, responsible: args.responsible, dueDate: args.dueDate, status: args.status };
    if (current && context.stale) {
      if (current.conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      return { outcome: 'conflict', record: { ...current, conflicts: [...current.conflicts, { ...conflictAuthor(context), ...content }] }, history: [] };
    }
    const conflicts = current && args.settles.length > 0 ? remainingAfter(current.conflicts, args.settles) : (current?.conflicts ?? []);
    if (!conflicts) return refused(NOTHING_TO_SETTLE, 'state');
    const record: Omit<MeetingNote, 'version' | 'seq'> = {
      id: meetingNoteId(meeting.id, args.key),
      key: args.key,
      meetingId: meeting.id,
      planId: meeting.planId,
      unitId: meeting.unitId,
      kind: args.kind,
      order: args.order,
      ...content,
      writtenBy: context.author.name,
      writtenAt: context.receivedAt,
      conflicts,
    };
    return { outcome: 'applied', record, history: [] };
  },
  describe: (args, meeting, words) => words.meetingNote(args.kind, args.heading || args.text, meeting?.title ?? null),
  auditDetail: (args, current) => ({ kind: args.kind, created: current === null, status: args.status, links: args.links.length, settles: args.settles }),
});
