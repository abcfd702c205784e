import type { Meeting, MeetingNote } from '../schemas/meeting.ts';

/**
 * The follow-up points of a unit's earlier meetings that are not done: what a meeting takes up again
 * until someone sets it Klar. Earlier is by the meeting's date (then its id, for two on one day).
 */
export function openFollowUpsBefore(meetings: readonly Meeting[], notes: readonly MeetingNote[], meeting: Meeting): { note: MeetingNote; meeting: Meeting }[] {
  const earlier = new Map(
    meetings
      .filter((m) => m.unitId === meeting.unitId && m.id !== meeting.id && (m.date < meeting.date || (m.date === meeting.date && m.id < meeting.id)))
      .map((m) => [m.id, m]),
  );
  return notes
    .filter((n) => n.kind === 'uppföljning' && n.status !== 'Klar' && earlier.has(n.meetingId))
    .map((note) => ({ note, meeting: earlier.get(note.meetingId)! }))
    .sort((a, b) => a.meeting.date.localeCompare(b.meeting.date) || a.note.order - b.note.order);
}
