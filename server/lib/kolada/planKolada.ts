import type { PlanKolada } from '@shared/schemas/kolada.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import type { Database } from '../../db/database.ts';
import { getRecord, lockRecord, writeRecord } from '../../db/records.ts';
import type { Actor } from '../actor.ts';
import { auditBy } from '../audit.ts';
import { notFound } from '../errors.ts';

/** Says which Kolada area stands for a plan's organisation and which it is compared with (a controller's choice, audited). */
export async function setPlanKolada(db: Database, actor: Actor, planId: string, kolada: PlanKolada): Promise<Plan> {
  return db.transaction(async (tx) => {
    await lockRecord(tx, planId);
    const plan = await getRecord(tx, 'plan', planId);
    if (!plan || !actor.access.canRead(plan.unitId)) return notFound('Planen');
    actor.access.assertPlan(plan.unitId);
    const peerIds = [...new Set(kolada.peerIds.filter((id) => id !== kolada.areaId))];
    const { record } = await writeRecord(tx, 'plan', { ...plan, kolada: { areaId: kolada.areaId, peerIds } }, false);
    await auditBy(tx, actor, { action: 'plan.kolada', entity: 'plan', recordId: planId, unitId: plan.unitId, detail: { from: plan.kolada ?? null, to: { areaId: kolada.areaId, peerIds } } });
    return record;
  });
}

/** The plan a controller may start a fetch for. */
export async function plannablePlan(db: Database, actor: Actor, planId: string): Promise<Plan> {
  const plan = await getRecord(db, 'plan', planId);
  if (!plan || !actor.access.canRead(plan.unitId)) return notFound('Planen');
  actor.access.assertPlan(plan.unitId);
  return plan;
}
