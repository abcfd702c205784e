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

/** Links an indicator to a Kolada KPI, or unlinks it (null): the plan's controllers' choice, audited. Values fetched before stay. */
export async function setIndicatorKpi(db: Database, actor: Actor, indicatorId: string, kpi: string | null) {
  return db.transaction(async (tx) => {
    await lockRecord(tx, indicatorId);
    const indicator = await getRecord(tx, 'indicator', indicatorId);
    const plan = indicator && (await getRecord(tx, 'plan', indicator.planId));
    if (!indicator || !plan || !actor.access.canRead(indicator.unitId)) return notFound('Indikatorn');
    actor.access.assertPlan(plan.unitId);
    const source = kpi ? { kind: 'kolada' as const, koladaKpi: kpi, name: indicator.source?.name ?? 'Kolada' } : indicator.source ? { ...indicator.source, koladaKpi: null } : null;
    const { record } = await writeRecord(tx, 'indicator', { ...indicator, source }, false);
    await auditBy(tx, actor, { action: 'indicator.kolada', entity: 'indicator', recordId: indicatorId, unitId: indicator.unitId, detail: { from: indicator.source?.koladaKpi ?? null, to: kpi } });
    return record;
  });
}

/**
 * A controller's choice whether Kolada's value counts instead of the one a person entered for the same
 * period (for screens and the report; the person's outcome stays as it was). Audited.
 */
export async function chooseKoladaValue(db: Database, actor: Actor, valueId: string, counts: boolean) {
  return db.transaction(async (tx) => {
    await lockRecord(tx, valueId);
    const value = await getRecord(tx, 'koladaValue', valueId);
    const plan = value && (await getRecord(tx, 'plan', value.planId));
    if (!value || !plan || !actor.access.canRead(value.unitId)) return notFound('Kolada-värdet');
    actor.access.assertPlan(plan.unitId);
    if (value.counts === counts) return value;
    const { record } = await writeRecord(tx, 'koladaValue', { ...value, counts }, false);
    await auditBy(tx, actor, { action: 'kolada.choose', entity: 'koladaValue', recordId: valueId, unitId: value.unitId, detail: { period: value.period, gender: value.gender, counts } });
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
