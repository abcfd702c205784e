import { planReportPoints } from '@shared/logic/calendar.ts';
import { buildInterimReport, type InterimReport } from '@shared/logic/interimReport.ts';
import { meetingsForReport } from '@shared/logic/meetingReport.ts';
import { outcomesWithKolada } from '@shared/logic/koladaOutcomes.ts';
import { reportId } from '@shared/logic/recordIds.ts';
import type { ReportPoint } from '@shared/schemas/calendar.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, listRecords } from '../../db/records.ts';

/**
 * The delårsrapport of a report point as the data stands now, of the units the reader may see (undefined: all),
 * and the units whose records it shows. Its dialogue meetings are those of the units whose meetings the
 * reader may read (`minutesReadableUnitIds`, undefined: all), which is not the same as the plans they read.
 */
export async function liveReport(
  db: Queryable,
  plan: Plan,
  point: ReportPoint,
  readableUnitIds: ReadonlySet<string> | undefined,
  minutesReadableUnitIds: ReadonlySet<string> | undefined = readableUnitIds,
): Promise<{ report: InterimReport; unitIds: string[] }> {
  const scope = { planId: plan.id, readableUnitIds };
  const minutes = { planId: plan.id, readableUnitIds: minutesReadableUnitIds };
  const [perspectives, focusAreas, assignments, goals, indicators, activities, units, narrative, meetings, notes] = await Promise.all([
    listRecords(db, 'perspective', scope),
    listRecords(db, 'focusArea', scope),
    listRecords(db, 'assignment', scope),
    listRecords(db, 'goal', scope),
    listRecords(db, 'indicator', scope),
    listRecords(db, 'activity', scope),
    listRecords(db, 'unit', { readableUnitIds }),
    getRecord(db, 'report', reportId(plan.id, point.period)),
    listRecords(db, 'meeting', minutes),
    listRecords(db, 'meetingNote', minutes),
  ]);
  const [outcomes, assessments, kolada] = await Promise.all([
    listRecords(db, 'outcome', { parentIds: indicators.map((i) => i.id), readableUnitIds }),
    listRecords(db, 'goalAssessment', { parentIds: goals.map((g) => g.id), readableUnitIds }),
    listRecords(db, 'koladaValue', { parentIds: indicators.map((i) => i.id), readableUnitIds }),
  ]);
  const report = buildInterimReport({
    plan,
    point,
    records: { perspectives, focusAreas, assignments, goals, indicators, activities, outcomes: outcomesWithKolada(outcomes, kolada), assessments },
    units: new Map(units.map((u) => [u.id, u])),
    narrative: narrative?.sections ?? null,
    tables: narrative?.tables ?? [],
    meetings: meetingsForReport(planReportPoints(plan), point, meetings, notes),
  });
  const unitIds = [...new Set([...goals, ...indicators, ...activities, ...assignments].map((r) => r.unitId))];
  return { report, unitIds };
}
