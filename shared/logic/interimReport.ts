import type { ActivityStatus } from '../schemas/activity.ts';
import type { Closure, ReportPoint } from '../schemas/calendar.ts';
import type { Assessment } from '../schemas/goal.ts';
import type { Indicator, Measure } from '../schemas/indicator.ts';
import type { Gender, Outcome } from '../schemas/outcome.ts';
import type { Period } from '../schemas/period.ts';
import type { Plan } from '../schemas/plan.ts';
import type { FigureTable } from '../schemas/figureTable.ts';
import type { Assignment } from '../schemas/assignment.ts';
import type { NarrativeSection } from '../schemas/report.ts';
import { USUAL_SECTIONS } from '../schemas/report.ts';
import type { TargetStatus, Trend } from '../schemas/target.ts';
import type { OrgUnit } from '../schemas/unit.ts';
import { countAssessments, type AssessmentCounts } from './fulfilment.ts';
import { indicatorStatus } from './indicatorStatus.ts';
import type { ReportMeeting } from './meetingReport.ts';
import { isInPlan } from './inPlan.ts';
import { ownGoals, type PlanRecords } from './planOverview.ts';
import { reportedFor } from './reportingPeriod.ts';
import { REPORT_WORDS } from './reportWords.ts';
import { formatPeriod, formatValue } from './swedishFormat.ts';

/** One row of an indicator table; a sub-series or a gender is a row under its indicator (`level` 1). */
export interface ReportIndicatorRow {
  level: 0 | 1;
  name: string;
  measure: Measure;
  previousYear: number | null;
  target: string;
  outcome: number | null;
  /** The period the outcome is for, when it is a shorter one inside the report's (March under Delår 1). */
  outcomePeriod: Period | null;
  trend: Trend | null;
  status: TargetStatus;
  comment: string;
}

export interface ReportGoal {
  number: string;
  title: string;
  assessment: Assessment | null;
  analysis: string;
  indicators: ReportIndicatorRow[];
}

export interface ReportActivityRow {
  number: string;
  title: string;
  accessibilityPlan: boolean;
  timeline: string;
  responsible: string;
  /** The status, or each part's ("Digitalt grundutbud: Försenad"), as the delårsrapport splits it. */
  status: { part: string | null; status: ActivityStatus | null }[];
  comment: string;
}

export interface ReportAssignmentRow {
  code: string;
  text: string;
  givenBy: string;
  givenTo: string;
  status: string;
  endDate: string | null;
}

/** A delårsrapport as the data and the controller's sections make it, ready to be shown, printed or saved. */
export interface InterimReport {
  planId: string;
  planName: string;
  unitName: string;
  point: ReportPoint;
  closure: Closure | null;
  narrative: NarrativeSection[];
  tables: FigureTable[];
  fulfilment: AssessmentCounts;
  perspectives: { name: string; goals: ReportGoal[] }[];
  focusAreas: { name: string; activities: ReportActivityRow[] }[];
  assignments: ReportAssignmentRow[];
  /** The dialogue meetings about the report point before, with notes and follow-ups (see `meetingsForReport`). */
  meetings?: ReportMeeting[];
}

export interface ReportInputs {
  plan: Plan;
  point: ReportPoint;
  records: PlanRecords & { assignments: readonly Assignment[] };
  units: ReadonlyMap<string, Pick<OrgUnit, 'name' | 'shortName'>>;
  narrative: readonly NarrativeSection[] | null;
  tables?: readonly FigureTable[];
  meetings?: readonly ReportMeeting[];
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
const GENDER_NAMES: Record<Exclude<Gender, 'T'>, string> = { K: 'Kvinnor', M: 'Män' };

/** The rows of one indicator: the total, then each sub-series and, where it is split by gender, kvinnor and män. */
function indicatorRows(indicator: Indicator, outcomes: readonly Outcome[], period: Period): ReportIndicatorRow[] {
  const row = (level: 0 | 1, name: string, series: Indicator, own: readonly Outcome[]): ReportIndicatorRow => {
    const reported = reportedFor(own, period);
    const status = indicatorStatus(series, own, reported?.period ?? period);
    return {
      level,
      name,
      measure: indicator.measure,
      previousYear: status.previous?.value ?? null,
      target: series.targetText ?? '',
      outcome: status.outcome?.value ?? null,
      outcomePeriod: status.outcome && status.outcome.period !== period ? status.outcome.period : null,
      trend: status.trend,
      status: status.status,
      comment: [status.outcome?.comment, status.outcome?.source === 'kolada' ? REPORT_WORDS.koladaSource : null].filter(Boolean).join(' '),
    };
  };
  const of = (subSeriesKey: string | null, gender: Gender) => outcomes.filter((o) => o.subSeriesKey === subSeriesKey && o.gender === gender);
  return [
    row(0, indicator.name, indicator, of(null, 'T')),
    ...indicator.subSeries.map((sub) => row(1, sub.name, { ...indicator, target: sub.target, targetText: sub.targetText }, of(sub.key, 'T'))),
    ...(indicator.genderBreakdown ? (['K', 'M'] as const).map((g) => row(1, GENDER_NAMES[g], indicator, of(null, g))) : []),
  ];
}

/** The sections a report starts with: the controller's, else the usual three, empty. */
export const narrativeOf = (sections: readonly NarrativeSection[] | null): NarrativeSection[] =>
  sections && sections.length > 0 ? [...sections] : USUAL_SECTIONS.map((title) => ({ title, text: '' }));

/**
 * The delårsrapport of one report point, in the form of the 2024 report: per perspective the goals with
 * their assessment, analysis and indicator table; per focus area the activity table; the assignments;
 * and how many goals got each assessment.
 */
export function buildInterimReport({ plan, point, records, units, narrative, tables = [], meetings = [] }: ReportInputs): InterimReport {
  const period = point.period;
  const outcomesOf = new Map<string, Outcome[]>();
  for (const outcome of records.outcomes) outcomesOf.set(outcome.indicatorId, [...(outcomesOf.get(outcome.indicatorId) ?? []), outcome]);
  const indicators = records.indicators.filter(isInPlan).sort(byOrder);
  const goals = ownGoals(records.goals.filter(isInPlan));
  const assessmentOf = (goalId: string) => reportedFor(records.assessments.filter((a) => a.goalId === goalId), period);

  const reportGoal = (goal: (typeof goals)[number]): ReportGoal => {
    const assessment = assessmentOf(goal.id);
    return {
      number: goal.number ?? '',
      title: goal.title,
      assessment: assessment?.assessment ?? null,
      analysis: assessment?.analysis ?? '',
      indicators: indicators.filter((i) => i.goalIds.includes(goal.id)).flatMap((i) => indicatorRows(i, outcomesOf.get(i.id) ?? [], period)),
    };
  };
  const perspectives = [...[...records.perspectives].filter(isInPlan).sort(byOrder), null]
    .map((perspective) => ({
      name: perspective?.name ?? 'Övriga mål',
      goals: goals.filter((g) => (perspective ? g.perspectiveId === perspective.id : !records.perspectives.some((p) => p.id === g.perspectiveId))).map(reportGoal),
    }))
    .filter((p) => p.goals.length > 0);

  const activityRow = (a: PlanRecords['activities'][number]): ReportActivityRow => ({
    number: a.number,
    title: a.title,
    accessibilityPlan: a.accessibilityPlan,
    timeline: a.timeline ?? '',
    responsible: a.responsible ?? '',
    status: a.statusParts && a.statusParts.length > 0 ? a.statusParts.map((p) => ({ part: p.part, status: p.status })) : [{ part: null, status: a.status }],
    comment: a.latestComment ?? '',
  });
  const activities = records.activities.filter(isInPlan).sort(byOrder);
  const focusAreas = [...[...records.focusAreas].filter(isInPlan).sort(byOrder), null]
    .map((focusArea) => ({
      name: focusArea?.name ?? 'Övriga aktiviteter',
      activities: activities.filter((a) => (focusArea ? a.focusAreaId === focusArea.id : !records.focusAreas.some((f) => f.id === a.focusAreaId))).map(activityRow),
    }))
    .filter((f) => f.activities.length > 0);

  const unitName = (id: string | null) => (id ? (units.get(id)?.shortName || units.get(id)?.name || '') : '');
  const assignments = records.assignments
    .filter(isInPlan)
    .map((a) => ({ code: a.code ?? '', text: a.text ?? '', givenBy: a.givenBy, givenTo: a.givenToText ?? unitName(a.givenToUnitId), status: a.status ?? '', endDate: a.endDate }))
    .sort((a, b) => a.code.localeCompare(b.code, 'sv', { numeric: true }));

  return {
    planId: plan.id,
    planName: plan.name,
    unitName: units.get(plan.unitId)?.name ?? '',
    point,
    closure: plan.closures.find((c) => c.period === period) ?? null,
    narrative: narrativeOf(narrative),
    tables: [...tables],
    fulfilment: countAssessments(perspectives.flatMap((p) => p.goals.map((g) => g.assessment))),
    perspectives,
    focusAreas,
    assignments,
    meetings: [...meetings],
  };
}

/** A row's value as the report prints it: `20,2 %`, or a dash where there is none. */
export const reportValue = (value: number | null, measure: Measure) => (value === null ? '–' : formatValue(value, measure));

/** Where an outcome is for a shorter period than the report's, it says so: `20,2 % (mars 2024)`. */
export const reportOutcome = (row: Pick<ReportIndicatorRow, 'outcome' | 'measure' | 'outcomePeriod'>) =>
  row.outcome === null ? '–' : `${formatValue(row.outcome, row.measure)}${row.outcomePeriod ? ` (${formatPeriod(row.outcomePeriod)})` : ''}`;

/** An activity's status as one line: the status, or each part's ("Digitalt grundutbud: Försenad, Triagering: Enligt plan"). */
export const activityStatusText = (parts: ReportActivityRow['status']) =>
  parts.map((p) => (p.part ? `${p.part}: ${p.status ?? REPORT_WORDS.noStatus}` : (p.status ?? ''))).join(', ');

export const trendText = (trend: Trend | null) => (trend ? REPORT_WORDS.trends[trend] : '');
