import type { ReportPoint } from '../schemas/calendar.ts';
import type { FollowUpStatus, Meeting, MeetingNote } from '../schemas/meeting.ts';

/** One dialogue meeting as a delårsrapport (or the meeting's own PDF) prints it. */
export interface ReportMeeting {
  id: string;
  unitId: string;
  title: string;
  date: string;
  /** The report point the meeting discussed, and its name. */
  period: string;
  pointName: string;
  participants: string[];
  sections: { heading: string; text: string }[];
  medskick: { heading: string; text: string }[];
  followUps: { what: string; text: string; responsible: string | null; dueDate: string | null; status: FollowUpStatus }[];
}

/** A meeting and its notes in print order (by each note's place), empty notes left out. */
export function reportMeeting(meeting: Meeting, notes: readonly MeetingNote[], pointName: string): ReportMeeting {
  const own = notes.filter((n) => n.meetingId === meeting.id && (n.heading.trim() || n.text.trim())).sort((a, b) => a.order - b.order);
  const of = (kind: MeetingNote['kind']) => own.filter((n) => n.kind === kind);
  return {
    id: meeting.id,
    unitId: meeting.unitId,
    title: meeting.title,
    date: meeting.date,
    period: meeting.period,
    pointName,
    participants: [...meeting.participants],
    sections: of('avsnitt').map((n) => ({ heading: n.heading, text: n.text })),
    medskick: of('medskick').map((n) => ({ heading: n.heading, text: n.text })),
    followUps: of('uppföljning').map((n) => ({ what: n.heading, text: n.text, responsible: n.responsible, dueDate: n.dueDate, status: n.status ?? 'Öppen' })),
  };
}

/**
 * The meetings a report point's delårsrapport carries: those held about the report point before it (the
 * dialogue on Delår 1 is held after Delår 1 is reported, so it goes into the next report), by date.
 */
export function meetingsForReport(points: readonly ReportPoint[], point: ReportPoint, meetings: readonly Meeting[], notes: readonly MeetingNote[]): ReportMeeting[] {
  const ordered = [...points].sort((a, b) => a.deadline.localeCompare(b.deadline));
  const before = ordered[ordered.findIndex((p) => p.period === point.period) - 1];
  if (!before) return [];
  return meetings
    .filter((m) => m.period === before.period)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'sv'))
    .map((m) => reportMeeting(m, notes, before.name));
}

/** One note of a meeting as a row of a table (the workbook's and the CSV file's), in print order. */
export interface MeetingNoteRow {
  kind: MeetingNote['kind'];
  heading: string;
  text: string;
  responsible: string | null;
  dueDate: string | null;
  status: FollowUpStatus | null;
}

export function meetingNoteRows(meeting: ReportMeeting): MeetingNoteRow[] {
  const plain = (kind: 'avsnitt' | 'medskick') => (n: { heading: string; text: string }) => ({ kind, heading: n.heading, text: n.text, responsible: null, dueDate: null, status: null });
  return [
    ...meeting.sections.map(plain('avsnitt')),
    ...meeting.medskick.map(plain('medskick')),
    ...meeting.followUps.map((f) => ({ kind: 'uppföljning' as const, heading: f.what, text: f.text, responsible: f.responsible, dueDate: f.dueDate, status: f.status })),
  ];
}
