import type { ChangeWords } from '@shared/mutations/kind.ts';
import { formatDate, formatPeriod, formatValue } from '../format.ts';
import { t } from './index.ts';

function quoted(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 80).trimEnd()} …` : text;
  return `”${short}”`;
}

const words = t.changes.describe;
const status = (value: Parameters<ChangeWords['status']>[0]) => (value ? t.activityStatus[value] : t.activities.conflict.noStatus);
const value = (number: number, measure: Parameters<ChangeWords['outcome']>[2]) => (measure ? formatValue(number, measure) : String(number));

/** The words changes are described in on this device (Ändringar på enheten). */
export const changeWords: ChangeWords = {
  status: (s) => words.status(status(s)),
  statusParts: (parts) => words.parts(parts.map((p) => `${p.part}: ${t.activityStatus[p.status]}`).join(', ')),
  comment: (text) => words.comment(quoted(text)),
  chosenStatus: (s) => words.chosenStatus(status(s)),
  outcome: (period, number, measure) => words.outcome(formatPeriod(period), value(number, measure)),
  chosenValue: (period, number, measure) => words.chosenValue(formatPeriod(period), value(number, measure)),
  assessment: (period, assessment) => words.assessment(formatPeriod(period), t.assessment[assessment]),
  chosenAssessment: (period, assessment) => words.chosenAssessment(formatPeriod(period), t.assessment[assessment]),
  assignmentStatus: (status) => words.status(status),
  chosenAssignmentStatus: (status) => words.chosenStatus(status ?? t.activities.conflict.noStatus),
  join: (parts) => parts.join(' · '),
  readiness: (period, ready) => words.readiness(formatPeriod(period), ready),
  meeting: (title, date) => t.meetings.describe.meeting(title, formatDate(date)),
  meetingNote: (kind, text, meeting) => t.meetings.describe.note(t.meetings.kind[kind], quoted(text), meeting),
};
