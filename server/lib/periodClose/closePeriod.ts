import { planReportPoints } from '@shared/logic/calendar.ts';
import { closureOf } from '@shared/logic/periodClose.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import type { Period } from '@shared/schemas/period.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { getRecord, lockRecord, writeRecord } from '../../db/records.ts';
import { insertReportVersion } from '../../db/reportVersions.ts';
import { liveReport } from '../report/loadReport.ts';
import type { Actor } from '../actor.ts';
import { auditBy } from '../audit.ts';
import { fail, notFound } from '../errors.ts';

/** The plan locked for a controller's change to one of its report points, and the point, or a refusal a person understands. */
export async function lockedPoint(tx: Queryable, actor: Actor, planId: string, period: Period) {
  await lockRecord(tx, planId);
  const plan = await getRecord(tx, 'plan', planId);
  if (!plan || !actor.access.canRead(plan.unitId)) return notFound('Planen');
  actor.access.assertPlan(plan.unitId);
  const point = planReportPoints(plan).find((p) => p.period === period);
  if (!point) return fail(404, 'not_found', 'Planen har inget sådant rapporteringstillfälle.');
  return { plan, point };
}

/**
 * Closes a report point of a plan: from now on the server writes nothing dated to it, offline changes
 * that arrive later included. The plan record carries the closure, so every device learns it on its
 * next pull and its forms stop offering the period. The report of the point is frozen as a new version.
 */
export async function closePeriod(db: Database, actor: Actor, planId: string, period: Period): Promise<Plan> {
  return db.transaction(async (tx) => {
    const { plan, point } = await lockedPoint(tx, actor, planId, period);
    if (closureOf(plan, period)) return fail(409, 'already_closed', `${point.name} är redan stängd.`);
    const closure = { period, closedAt: new Date().toISOString(), closedById: actor.access.user.id, closedBy: actor.access.user.name };
    const { record } = await writeRecord(tx, 'plan', { ...plan, closures: [...plan.closures, closure] }, false);
    // The report as it stands at closing, of the whole plan, is the version the nämnd gets.
    const { report, unitIds } = await liveReport(tx, record, point, undefined);
    const version = await insertReportVersion(tx, plan.id, period, actor.access.user.name, unitIds, report);
    await auditBy(tx, actor, { action: 'period.close', entity: 'plan', recordId: plan.id, unitId: plan.unitId, detail: { period, name: point.name, version } });
    return record;
  });
}

/** Opens a closed report point again for a correction; the reason is kept in the audit log. */
export async function reopenPeriod(db: Database, actor: Actor, planId: string, period: Period, reason: string): Promise<Plan> {
  return db.transaction(async (tx) => {
    const { plan, point } = await lockedPoint(tx, actor, planId, period);
    const closure = closureOf(plan, period);
    if (!closure) return fail(409, 'not_closed', `${point.name} är inte stängd.`);
    const { record } = await writeRecord(tx, 'plan', { ...plan, closures: plan.closures.filter((c) => c !== closure) }, false);
    await auditBy(tx, actor, {
      action: 'period.reopen',
      entity: 'plan',
      recordId: plan.id,
      unitId: plan.unitId,
      detail: { period, name: point.name, reason, closedAt: closure.closedAt, closedBy: closure.closedBy },
    });
    return record;
  });
}
