import type { ReportMeeting } from '@shared/logic/meetingReport.ts';
import { REPORT_WORDS as W } from '@shared/logic/reportWords.ts';
import { escapeHtml, paragraphs, PRINT_CSS, table, td } from './html.ts';

const dateOf = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export const meetingDate = (date: string) => dateOf.format(new Date(`${date}T00:00:00Z`));

/** One meeting's notes: its sections under their headings, the medskick, and the follow-up points as a table. */
export function meetingBody(meeting: ReportMeeting, level: 1 | 3): string {
  const h = `h${level}`;
  const sub = `h${level + 1}`;
  const notes = (items: { heading: string; text: string }[]) => items.map((n) => `${n.heading ? `<${sub}>${escapeHtml(n.heading)}</${sub}>` : ''}${paragraphs(n.text)}`).join('');
  return [
    `<${h}>${escapeHtml(meeting.title)}</${h}>`,
    `<p class="state">${escapeHtml(W.meetingAbout(meeting.pointName, meetingDate(meeting.date)))}</p>`,
    meeting.participants.length > 0 ? `<p><strong>${W.participants}:</strong> ${escapeHtml(meeting.participants.join(', '))}</p>` : '',
    notes(meeting.sections),
    meeting.medskick.length > 0 ? `<${sub}>${W.medskick}</${sub}>${notes(meeting.medskick)}` : '',
    meeting.followUps.length > 0
      ? table(W.followUps, W.followUpColumns, meeting.followUps.map((f) => [td([f.what, f.text].filter(Boolean).join(' – ')), td(f.responsible ?? ''), td(f.dueDate ? meetingDate(f.dueDate) : ''), td(f.status)]))
      : '',
  ].join('');
}

/** One meeting as a standalone HTML document for Chromium to print, headed by its plan and unit. */
export function meetingHtml(meeting: ReportMeeting, planName: string, unitName: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(meeting.title)}</title><style>${PRINT_CSS}</style></head><body>
<header><p class="state">${escapeHtml(planName)} · ${escapeHtml(unitName)}</p></header>
${meetingBody(meeting, 1)}
</body></html>`;
}
