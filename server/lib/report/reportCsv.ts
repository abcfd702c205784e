import Papa from 'papaparse';
import { activityStatusText, reportOutcome, reportValue, trendText, type InterimReport } from '@shared/logic/interimReport.ts';
import { formatFigure } from '@shared/logic/figureTable.ts';
import { meetingNoteRows } from '@shared/logic/meetingReport.ts';
import { REPORT_WORDS as W } from '@shared/logic/reportWords.ts';

/**
 * The report's tables as one CSV file the way Swedish Excel opens it: semicolons, decimal commas, UTF-8
 * with a byte-order mark, a first column naming the table each row belongs to.
 */
export function reportCsv(report: InterimReport): string {
  const rows: string[][] = [['Tabell', 'Rubrik', ...W.indicatorColumns, W.assessment, W.analysis]];
  for (const perspective of report.perspectives) {
    for (const goal of perspective.goals) {
      const title = [goal.number, goal.title].filter(Boolean).join(' ');
      const assessment = goal.assessment ? W.assessments[goal.assessment] : W.notAssessed;
      rows.push([W.goal, `${perspective.name}: ${title}`, '', '', '', '', '', '', assessment, goal.analysis]);
      for (const row of goal.indicators) rows.push([W.indicatorColumns[0], title, row.name, reportValue(row.previousYear, row.measure), row.target, reportOutcome(row), trendText(row.trend), row.comment, '', '']);
    }
  }
  rows.push([], ['Tabell', W.focusArea, ...W.activityColumns]);
  for (const area of report.focusAreas) {
    for (const a of area.activities) rows.push([W.activities, area.name, a.number, `${a.title}${a.accessibilityPlan ? ' (T)' : ''}`, a.timeline, a.responsible, activityStatusText(a.status), a.comment]);
  }
  rows.push([], ['Tabell', ...W.assignmentColumns]);
  for (const a of report.assignments) rows.push([W.assignments, [a.code, a.text].filter(Boolean).join(' '), a.givenBy, a.givenTo, a.status, a.endDate ?? '']);
  for (const table of report.tables) {
    rows.push([], ['Tabell', ...table.columns.map((c) => c.title)]);
    for (const cells of table.rows) rows.push([table.title, ...table.columns.map((c, i) => formatFigure(cells[i] ?? null, c.format))]);
  }
  const meetings = report.meetings ?? [];
  if (meetings.length > 0) rows.push([], ['Tabell', ...W.meetingColumns]);
  for (const meeting of meetings) {
    for (const note of meetingNoteRows(meeting)) {
      rows.push([W.meetings, meeting.title, meeting.date, meeting.pointName, W.noteKinds[note.kind], note.heading, note.text, note.responsible ?? '', note.dueDate ?? '', note.status ?? '']);
    }
  }
  return `\uFEFF${Papa.unparse(rows, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
