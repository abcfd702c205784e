import { formatFigure } from '@shared/logic/figureTable.ts';
import { activityStatusText, reportOutcome, reportValue, trendText, type InterimReport } from '@shared/logic/interimReport.ts';
import { REPORT_WORDS as W } from '@shared/logic/reportWords.ts';
import { formatPeriod } from '@shared/logic/swedishFormat.ts';
import { escapeHtml as escape, paragraphs, PRINT_CSS, table, td } from './html.ts';
import { meetingBody } from './meetingHtml.ts';

const dateOf = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Stockholm' });

/** How many goals got each assessment, as bars with their numbers written out (the numbers are the content, the bars a help). */
function fulfilmentChart(report: InterimReport): string {
  const entries = Object.entries(report.fulfilment).filter(([, n]) => n > 0) as [keyof typeof W.assessments, number][];
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const bars = entries
    .map(([assessment, n], i) => `<g transform="translate(0 ${i * 28})"><text x="0" y="17">${escape(W.assessments[assessment])}</text><rect x="150" y="4" height="18" width="${Math.round((n / max) * 300)}" class="bar bar--${assessment.replace(/\s/g, '-')}"/><text x="${160 + Math.round((n / max) * 300)}" y="17">${n}</text></g>`)
    .join('');
  const label = entries.map(([a, n]) => `${W.assessments[a]}: ${n}`).join(', ');
  return `<figure><svg role="img" aria-label="${escape(`${W.fulfilmentCaption}: ${label}`)}" viewBox="0 0 500 ${entries.length * 28 + 4}" width="500" height="${entries.length * 28 + 4}">${bars}</svg><figcaption>${escape(W.fulfilmentCaption)}</figcaption></figure>`;
}

/** The delårsrapport as a standalone HTML document for Chromium to print to PDF (A4, tables whose headers repeat). */
export function reportHtml(report: InterimReport, version: { version: number; frozenAt: string } | null): string {
  const title = `${report.planName} – ${report.point.name || formatPeriod(report.point.period)}`;
  const state = report.closure
    ? `${W.closed(dateOf.format(new Date(report.closure.closedAt)), report.closure.closedBy)}${version ? ` · ${W.version(version.version, dateOf.format(new Date(version.frozenAt)))}` : ''}`
    : W.draft;
  const narrative = report.narrative.map((s) => `<section><h2>${escape(s.title)}</h2>${paragraphs(s.text)}</section>`).join('');
  const figures = report.tables
    .map((f) => `<section><h2>${escape(f.title)}</h2>${table(f.title, f.columns.map((c) => c.title), f.rows.map((cells) => f.columns.map((c, i) => td(formatFigure(cells[i] ?? null, c.format), c.format === 'text' ? '' : 'num'))))}</section>`)
    .join('');
  const goals = report.perspectives
    .map(
      (p) =>
        `<section class="break"><h2>${escape(p.name)}</h2>${p.goals
          .map((g) => {
            const rows = g.indicators.map((r) => [td(r.name, r.level === 1 ? 'sub' : ''), td(reportValue(r.previousYear, r.measure), 'num'), td(r.target), td(reportOutcome(r), 'num'), td(trendText(r.trend)), td(r.comment)]);
            return `<h3>${escape([g.number, g.title].filter(Boolean).join(' '))}</h3><p><strong>${W.assessment}:</strong> ${escape(g.assessment ? W.assessments[g.assessment] : W.notAssessed)}</p>${paragraphs(g.analysis)}${
              rows.length > 0 ? table(`${W.goal}: ${g.title}`, W.indicatorColumns, rows) : ''
            }`;
          })
          .join('')}</section>`,
    )
    .join('');
  const activities = report.focusAreas
    .map((f) => `<h3>${escape(f.name)}</h3>${table(f.name, W.activityColumns, f.activities.map((a) => [td(a.number), td(`${a.title}${a.accessibilityPlan ? ' (T)' : ''}`), td(a.timeline), td(a.responsible), td(activityStatusText(a.status)), td(a.comment)]))}`)
    .join('');
  const assignments =
    report.assignments.length > 0
      ? `<section class="break"><h2>${W.assignments}</h2>${table(W.assignments, W.assignmentColumns, report.assignments.map((a) => [td([a.code, a.text].filter(Boolean).join(' ')), td(a.givenBy), td(a.givenTo), td(a.status), td(a.endDate ?? '')]))}</section>`
      : '';
  const meetings = report.meetings ?? [];
  const dialogue = meetings.length > 0 ? `<section class="break"><h2>${W.meetings}</h2>${meetings.map((m) => meetingBody(m, 3)).join('')}</section>` : '';
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${PRINT_CSS}</style></head><body>
<header><h1>${escape(title)}</h1><p class="state">${escape(report.unitName)} · ${escape(state)}</p></header>
${narrative}
${figures}
<section><h2>${W.fulfilment}</h2>${fulfilmentChart(report)}</section>
${goals}
<section class="break"><h2>${W.activities}</h2>${activities}</section>
${assignments}
${dialogue}
</body></html>`;
}
