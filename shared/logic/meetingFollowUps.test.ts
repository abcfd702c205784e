import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingNote } from '../schemas/meeting.ts';
import { openFollowUpsBefore } from './meetingFollowUps.ts';

const unitId = randomUUID();
const meeting = (date: string, unit = unitId): Meeting => ({
  id: randomUUID(), key: randomUUID(), version: 1, seq: 1, planId: randomUUID(), unitId: unit, period: '2025-T1', date, title: `Möte ${date}`, participants: [], createdBy: 'C', conflicts: [],
});
const followUp = (m: Meeting, text: string, status: MeetingNote['status'], kind: MeetingNote['kind'] = 'uppföljning'): MeetingNote => ({
  id: randomUUID(), key: randomUUID(), version: 1, seq: 1, meetingId: m.id, planId: m.planId, unitId: m.unitId, kind, order: 1, heading: '', text, links: [],
  responsible: null, dueDate: null, status, writtenBy: 'C', writtenAt: '2025-02-20T10:00:00Z', conflicts: [],
});

describe('openFollowUpsBefore', () => {
  it('takes up the unit’s earlier follow-up points until they are done, and nothing of later meetings or other units', () => {
    const first = meeting('2025-02-20');
    const second = meeting('2025-06-10');
    const third = meeting('2025-10-01');
    const elsewhere = meeting('2025-01-01', randomUUID());
    const notes = [
      followUp(first, 'Beräkna den ekonomiska risken', 'Öppen'),
      followUp(first, 'Bemanningstal för alla kompetenser', 'Klar'),
      followUp(first, 'Ett avsnitt', null, 'avsnitt'),
      followUp(second, 'Närvårdsteamet', 'Pågående'),
      followUp(third, 'Senare', 'Öppen'),
      followUp(elsewhere, 'Annan enhet', 'Öppen'),
    ];
    const all = [first, second, third, elsewhere];
    expect(openFollowUpsBefore(all, notes, second).map((f) => f.note.text)).toEqual(['Beräkna den ekonomiska risken']);
    expect(openFollowUpsBefore(all, notes, third).map((f) => [f.note.text, f.meeting.date])).toEqual([['Beräkna den ekonomiska risken', '2025-02-20'], ['Närvårdsteamet', '2025-06-10']]);
    expect(openFollowUpsBefore(all, notes, first)).toEqual([]);
  });
});
