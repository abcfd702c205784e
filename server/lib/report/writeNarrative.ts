import { closureOf } from '@shared/logic/periodClose.ts';
import { reportId } from '@shared/logic/recordIds.ts';
import type { Period } from '@shared/schemas/period.ts';
import type { Report, ReportWrite } from '@shared/schemas/report.ts';
import type { Database } from '../../db/database.ts';
import { getRecord, writeRecord } from '../../db/records.ts';
import { lockedPoint } from '../periodClose/closePeriod.ts';
import type { Actor } from '../actor.ts';
import { auditBy } from '../audit.ts';
import { fail } from '../errors.ts';

/**
 * Saves a controller's narrative sections and tables of figures of one report. Written on top of a version someone else has
 * saved since, it is refused with both kept: the newer text stands and the controller still has theirs
 * on screen to merge. A closed period's report is frozen, its narrative with it.
 */
export async function writeNarrative(db: Database, actor: Actor, planId: string, period: Period, write: ReportWrite): Promise<Report> {
  return db.transaction(async (tx) => {
    const { plan, point } = await lockedPoint(tx, actor, planId, period);
    if (closureOf(plan, period)) return fail(409, 'period_closed', `${point.name} är stängd. Öppna perioden igen för att ändra rapportens text.`);
    const id = reportId(planId, period);
    const current = await getRecord(tx, 'report', id);
    if ((current?.version ?? null) !== write.baseVersion) {
      return fail(409, 'stale', 'Någon annan har sparat rapportens text sedan du började. Din text finns kvar här – kopiera den, läs in den nya och för in dina ändringar.');
    }
    const { record } = await writeRecord(tx, 'report', { id, planId, unitId: plan.unitId, period, sections: write.sections, tables: write.tables, updatedBy: actor.access.user.name }, current === null);
    await auditBy(tx, actor, { action: 'report.write', entity: 'report', recordId: id, unitId: plan.unitId, detail: { planId, period, sections: write.sections.length, tables: write.tables.length } });
    return record;
  });
}
