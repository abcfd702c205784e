import ExcelJS from 'exceljs';
import { activityStatusText, trendText, type InterimReport } from '@shared/logic/interimReport.ts';
import { meetingNoteRows } from '@shared/logic/meetingReport.ts';
import { REPORT_WORDS as W } from '@shared/logic/reportWords.ts';
import type { FigureTable } from '@shared/schemas/figureTable.ts';
import { formatPeriod } from '@shared/logic/swedishFormat.ts';
import type { Measure } from '@shared/schemas/indicator.ts';

/** The cell a value becomes: a percentage a percentage cell, everything else a number with its unit in the format. */
function valueCell(cell: ExcelJS.Cell, value: number | null, measure: Measure) {
  if (value === null) return;
  if (measure === '%') {
    cell.value = value / 100;
    cell.numFmt = '0.0%';
    return;
  }
  cell.value = value;
  const unit = measure === 'antal' || measure === 'kvot' || measure === 'index' || measure === 'poäng' ? '' : ` "${measure === 'minuter' ? 'min' : measure}"`;
  cell.numFmt = `# ##0.0${unit}`;
}

const heading = (sheet: ExcelJS.Worksheet, values: readonly string[]) => {
  const row = sheet.addRow([...values]);
  row.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: row.number }];
};

/** A sheet's name: Excel allows 31 characters and none of : \\ / ? * [ ], unique within the workbook. */
function sheetName(workbook: ExcelJS.Workbook, title: string): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 28) || W.figures;
  let name = base;
  for (let n = 2; workbook.getWorksheet(name); n++) name = `${base} ${n}`;
  return name;
}

/** A table of figures as a sheet of its own: numbers as numbers, percentages as percentage cells. */
function figureSheet(workbook: ExcelJS.Workbook, table: FigureTable) {
  const sheet = workbook.addWorksheet(sheetName(workbook, table.title));
  sheet.addRow([table.title]).font = { bold: true, size: 12 };
  heading(sheet, table.columns.map((c) => c.title));
  for (const cells of table.rows) {
    const row = sheet.addRow(table.columns.map((c, i) => (c.format === 'percent' && typeof cells[i] === 'number' ? (cells[i] as number) / 100 : (cells[i] ?? null))));
    table.columns.forEach((c, i) => {
      if (c.format === 'percent') row.getCell(i + 1).numFmt = '0.0%';
      else if (c.format === 'number') row.getCell(i + 1).numFmt = '# ##0.##';
    });
  }
  table.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.format === 'text' ? 36 : 16));
}

/** The report as a workbook: one sheet per section, numbers as numbers. */
export async function reportXlsx(report: InterimReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Målbild';
  const title = `${report.planName} – ${report.point.name || formatPeriod(report.point.period)}`;

  const narrative = workbook.addWorksheet(W.narrative);
  narrative.addRow([title]).font = { bold: true, size: 14 };
  for (const section of report.narrative) {
    narrative.addRow([section.title]).font = { bold: true };
    narrative.addRow([section.text]).alignment = { wrapText: true, vertical: 'top' };
  }
  narrative.getColumn(1).width = 100;
  for (const table of report.tables) figureSheet(workbook, table);

  const fulfilment = workbook.addWorksheet(W.fulfilment);
  heading(fulfilment, [W.assessment, W.count]);
  for (const [assessment, count] of Object.entries(report.fulfilment)) if (count > 0) fulfilment.addRow([W.assessments[assessment as keyof typeof W.assessments], count]);
  fulfilment.getColumn(1).width = 24;

  const goals = workbook.addWorksheet(W.goals);
  heading(goals, [W.perspective, W.goal, W.assessment, W.analysis, ...W.indicatorColumns]);
  for (const perspective of report.perspectives) {
    for (const goal of perspective.goals) {
      const assessment = goal.assessment ? W.assessments[goal.assessment] : W.notAssessed;
      const goalTitle = [goal.number, goal.title].filter(Boolean).join(' ');
      if (goal.indicators.length === 0) goals.addRow([perspective.name, goalTitle, assessment, goal.analysis]);
      for (const row of goal.indicators) {
        const added = goals.addRow([perspective.name, goalTitle, assessment, goal.analysis, row.level === 1 ? `  ${row.name}` : row.name, null, row.target, null, trendText(row.trend), row.comment]);
        valueCell(added.getCell(6), row.previousYear, row.measure);
        valueCell(added.getCell(8), row.outcome, row.measure);
      }
    }
  }
  [16, 40, 14, 50, 40, 14, 14, 14, 12, 50].forEach((width, i) => (goals.getColumn(i + 1).width = width));

  const activities = workbook.addWorksheet(W.activities);
  heading(activities, [W.focusArea, ...W.activityColumns]);
  for (const area of report.focusAreas) {
    for (const a of area.activities) activities.addRow([area.name, a.number, `${a.title}${a.accessibilityPlan ? ' (T)' : ''}`, a.timeline, a.responsible, activityStatusText(a.status), a.comment]);
  }
  [30, 6, 50, 14, 24, 30, 60].forEach((width, i) => (activities.getColumn(i + 1).width = width));

  const assignments = workbook.addWorksheet(W.assignments);
  heading(assignments, W.assignmentColumns);
  for (const a of report.assignments) {
    const added = assignments.addRow([[a.code, a.text].filter(Boolean).join(' '), a.givenBy, a.givenTo, a.status, a.endDate ? new Date(`${a.endDate}T00:00:00Z`) : null]);
    added.getCell(5).numFmt = 'yyyy-mm-dd';
  }
  [70, 20, 20, 16, 12].forEach((width, i) => (assignments.getColumn(i + 1).width = width));

  const meetings = report.meetings ?? [];
  if (meetings.length > 0) {
    const sheet = workbook.addWorksheet(W.meetings);
    heading(sheet, W.meetingColumns);
    const date = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
    for (const meeting of meetings) {
      for (const note of meetingNoteRows(meeting)) {
        const added = sheet.addRow([meeting.title, date(meeting.date), meeting.pointName, W.noteKinds[note.kind], note.heading, note.text, note.responsible, date(note.dueDate), note.status]);
        added.getCell(2).numFmt = 'yyyy-mm-dd';
        added.getCell(8).numFmt = 'yyyy-mm-dd';
        added.getCell(6).alignment = { wrapText: true, vertical: 'top' };
      }
    }
    [36, 12, 20, 18, 30, 80, 20, 12, 12].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  }

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
