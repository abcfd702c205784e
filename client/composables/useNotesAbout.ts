import type { MaybeRefOrGetter } from 'vue';
import { toValue } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/**
 * The meeting notes that point at a goal, indicator or activity, with their meeting, the latest meeting
 * first. Only the notes the person may read reach the device, so nothing else is shown. A plan holds a few
 * hundred notes at most, so they are read by plan and filtered rather than indexed by link.
 */
export function useNotesAbout(planId: MaybeRefOrGetter<string>, recordId: MaybeRefOrGetter<string>) {
  return useLiveQuery(async () => {
    const id = toValue(recordId);
    const notes = await deviceDb.meetingNote.where('planId').equals(toValue(planId)).filter((n) => n.links.some((l) => l.id === id)).toArray();
    const meetings = new Map((await deviceDb.meeting.bulkGet([...new Set(notes.map((n) => n.meetingId))])).filter((m) => !!m).map((m) => [m.id, m]));
    return notes
      .flatMap((note) => {
        const meeting = meetings.get(note.meetingId);
        return meeting ? [{ note, meeting }] : [];
      })
      .sort((a, b) => b.meeting.date.localeCompare(a.meeting.date) || a.note.order - b.note.order);
  }, [() => toValue(planId), () => toValue(recordId)]);
}
