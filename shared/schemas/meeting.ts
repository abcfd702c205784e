import * as v from 'valibot';
import { ConflictAuthorSchema, IsoDateSchema, IsoTimestampSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LIST_LIMITS } from './limits.ts';
import { PeriodSchema } from './period.ts';
import { LongTextSchema, NameSchema, ShortTextSchema } from './text.ts';

/**
 * A dialogue meeting (resultatdialog) of a unit (a committee or an administration) about one report point
 * of a plan: its date, title and participants. Its notes are records of their own (`MeetingNote`).
 */
export const MeetingFieldsSchema = v.object({
  planId: UuidSchema,
  period: PeriodSchema,
  date: IsoDateSchema,
  title: NameSchema,
  participants: v.pipe(v.array(NameSchema), v.maxLength(LIST_LIMITS.participants, `Högst ${LIST_LIMITS.participants} deltagare.`)),
});

export const MeetingSchema = v.object({
  ...SyncMetaSchema.entries,
  ...MeetingFieldsSchema.entries,
  /** The key the id was derived from (see `meetingId`), which every later save of the meeting names. */
  key: UuidSchema,
  unitId: UuidSchema,
  createdBy: NameSchema,
  /** Edits of the heading made on a version someone else had changed since, kept until someone chooses. */
  conflicts: v.array(v.object({ ...ConflictAuthorSchema.entries, ...MeetingFieldsSchema.entries })),
});
export type Meeting = v.InferOutput<typeof MeetingSchema>;

/**
 * What a note is: a free-text section under a heading the writer chooses (Utmaningar, Ekonomi, …), a
 * medskick to the level above, or a follow-up point (what, who, by when, status).
 */
export const NOTE_KINDS = ['avsnitt', 'medskick', 'uppföljning'] as const;
export const NoteKindSchema = v.picklist(NOTE_KINDS, 'Anteckningen måste vara ett avsnitt, ett medskick eller en uppföljningspunkt.');
export type NoteKind = v.InferOutput<typeof NoteKindSchema>;

export const FOLLOW_UP_STATUSES = ['Öppen', 'Pågående', 'Klar'] as const;
export const FollowUpStatusSchema = v.picklist(FOLLOW_UP_STATUSES, 'Status måste vara Öppen, Pågående eller Klar.');
export type FollowUpStatus = v.InferOutput<typeof FollowUpStatusSchema>;

/** A record a note discusses; its screen lists the notes that point at it. */
export const NoteLinkSchema = v.object({ entity: v.picklist(['goal', 'indicator', 'activity'], 'En anteckning kan peka på ett mål, en indikator eller en aktivitet.'), id: UuidSchema });
export type NoteLink = v.InferOutput<typeof NoteLinkSchema>;

/** What a person writes in a note; the rest of the record is the server's. */
export const NoteContentSchema = v.object({
  heading: ShortTextSchema,
  text: LongTextSchema,
  links: v.pipe(v.array(NoteLinkSchema), v.maxLength(LIST_LIMITS.noteLinks, `Högst ${LIST_LIMITS.noteLinks} kopplingar.`)),
  responsible: v.nullable(ShortTextSchema),
  dueDate: v.nullable(IsoDateSchema),
  status: v.nullable(FollowUpStatusSchema),
});
export type NoteContent = v.InferOutput<typeof NoteContentSchema>;

/**
 * One paragraph of a meeting's notes: each section, medskick and follow-up point is its own record, so two
 * people writing in the same meeting write different records and never touch each other's words; two
 * edits of the same paragraph made at once are both kept (the later one as a conflict beside what stands)
 * until someone chooses.
 */
export const MeetingNoteSchema = v.object({
  ...SyncMetaSchema.entries,
  ...NoteContentSchema.entries,
  /** The key the id was derived from (see `meetingNoteId`). */
  key: UuidSchema,
  meetingId: UuidSchema,
  planId: UuidSchema,
  unitId: UuidSchema,
  kind: NoteKindSchema,
  order: v.number(),
  writtenBy: NameSchema,
  writtenAt: IsoTimestampSchema,
  conflicts: v.array(v.object({ ...ConflictAuthorSchema.entries, ...NoteContentSchema.entries })),
});
export type MeetingNote = v.InferOutput<typeof MeetingNoteSchema>;
