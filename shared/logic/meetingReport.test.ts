import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Meeting, MeetingNote } from '../schemas/meeting.ts';
import { meetingsForReport } from './meetingReport.ts';

const meeting = (period: string, date: string): Meeting => ({
  id: randomUUID(), key: randomUUID(), version: 1, seq: 1, planId: randomUUID(), unitId: randomUUID(), period, date, title: `Dialog ${date}`, participants: ['Ordförande'], createdBy: 'C', conflicts: [],
});
const note = (m: Meeting, kind: MeetingNote['kind'], heading: string, text: string, order: number, status: MeetingNote['status'] = null): MeetingNote => ({
  id: randomUUID(), key: randomUUID(), version: 1, seq: 1, meetingId: m.id, planId: m.planId, unitId: m.unitId, kind, order, heading, text, links: [],
  responsible: kind === 'uppföljning' ? 'Förvaltningsdirektör' : null, dueDate: null, status, writtenBy: 'C', writtenAt: '2025-02-20T10:00:00Z', conflicts: [],
});
const points = [
  { period: '2025-T2', name: 'Delår 2 2025', deadline: '2025-09-15' },
  { period: '2025-T1', name: 'Delår 1 2025', deadline: '2025-05-15' },
  { period: '2025', name: 'Årsredovisning 2025', deadline: '2026-02-15' },
];

describe('meetingsForReport', () => {
  it('puts the meetings about a report point into the next report, their notes by kind and place, empty ones left out', () => {
    const about1 = meeting('2025-T1', '2025-06-10');
    const earlierAbout1 = meeting('2025-T1', '2025-06-01');
    const about2 = meeting('2025-T2', '2025-10-01');
    const notes = [
      note(about1, 'avsnitt', 'Ekonomi', 'Bruttokostnaderna.', 2),
      note(about1, 'avsnitt', 'Utmaningar', 'Demografin.', 1),
      note(about1, 'avsnitt', '', '', 3),
      note(about1, 'medskick', 'Till regionstyrelsen', 'Ge inte nya uppdrag.', 4),
      note(about1, 'uppföljning', 'Beräkna risken', '', 5, 'Pågående'),
    ];
    const delår2 = meetingsForReport(points, points[0]!, [about1, about2, earlierAbout1], notes);
    expect(delår2.map((m) => m.date)).toEqual(['2025-06-01', '2025-06-10']);
    expect(delår2[1]).toMatchObject({
      pointName: 'Delår 1 2025',
      sections: [{ heading: 'Utmaningar', text: 'Demografin.' }, { heading: 'Ekonomi', text: 'Bruttokostnaderna.' }],
      medskick: [{ heading: 'Till regionstyrelsen', text: 'Ge inte nya uppdrag.' }],
      followUps: [{ what: 'Beräkna risken', responsible: 'Förvaltningsdirektör', status: 'Pågående' }],
    });
    expect(meetingsForReport(points, points[2]!, [about1, about2], notes).map((m) => m.date)).toEqual(['2025-10-01']);
    expect(meetingsForReport(points, points[1]!, [about1, about2], notes)).toEqual([]);
  });
});
