import { randomUUID } from 'node:crypto';
import { koladaValueId, meetingId } from '@shared/logic/recordIds.ts';
import type { MutationName } from '@shared/mutations/kinds.ts';
import { ENTITY_NAMES, type EntityName } from '@shared/schemas/entities.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { getRecord, putRecords } from '../../server/db/records.ts';
import type { Database } from '../../server/db/database.ts';
import { importTestPlan } from '../fixtures/planDocument.ts';
import type { Requester, TestApp } from '../fixtures/testApp.ts';

export type Scope = 'in' | 'out';

/** One row of the records table, as compared before and after an attack. */
interface Row {
  entity: EntityName;
  version: number;
  deleted: boolean;
  data: string;
}
export type RecordSnapshot = Map<string, Row>;

export async function snapshotRecords(db: Database): Promise<RecordSnapshot> {
  const rows = await db.query<{ id: string; entity: EntityName; version: number; deleted: boolean; data: unknown }>('SELECT id::text, entity, version, deleted, data FROM records');
  return new Map(rows.map((row) => [row.id, { entity: row.entity, version: Number(row.version), deleted: row.deleted, data: JSON.stringify(row.data) }]));
}

/** Ids whose row differs between two snapshots (changed, added or removed). */
export function changedIds(before: RecordSnapshot, after: RecordSnapshot): string[] {
  const ids = new Set([...before.keys(), ...after.keys()]);
  return [...ids].filter((id) => {
    const [a, b] = [before.get(id), after.get(id)];
    return !a || !b || a.version !== b.version || a.deleted !== b.deleted || a.data !== b.data || a.entity !== b.entity;
  });
}

export interface HostileWorld {
  /** A rapportör with the right to write the `in` plans' records, and none on the `out` plans'. */
  rapportör: Requester & { userId: string; cookie: string };
  /** Records of every kind, by scope: ids to aim at. */
  pools: Record<Scope, Record<EntityName, string[]>>;
  /** A record of each kind the rapportör may write, for valid changes: per `in` plan. */
  own: { planId: string; activityId: string; indicatorId: string; goalId: string; assignmentId: string; unitId: string; meetingId: string }[];
}

/**
 * Enough plans that every kind of change, and every write route, can be aimed at a record of its own of
 * every kind, in the rapportör's units and outside them: a mutation id is claimed once, so each attack
 * needs an id no other attack used. Every plan also gets history entries and conflicts of its own.
 */
export async function hostileWorld(t: TestApp, plansPerScope: number): Promise<HostileWorld> {
  const plans = { in: [] as Awaited<ReturnType<typeof importTestPlan>>[], out: [] as Awaited<ReturnType<typeof importTestPlan>>[] };
  for (let i = 0; i < plansPerScope; i++) for (const scope of ['in', 'out'] as const) plans[scope].push(await importTestPlan(t.db));
  const own: HostileWorld['own'] = [];
  for (const plan of plans.in) {
    const activity = await plan.byKey('activity', 'webbtidbocker');
    own.push({
      planId: plan.planId,
      activityId: activity.id,
      indicatorId: (await plan.byKey('indicator', 'hyrlakare')).id,
      goalId: (await plan.byKey('goal', 'kompetens')).id,
      assignmentId: (await plan.byKey('assignment', 'rf7')).id,
      unitId: activity.unitId,
      meetingId: meetingId(activity.unitId, plan.planId),
    });
  }
  for (const plan of [...plans.in, ...plans.out]) {
    const activity = await plan.byKey('activity', 'webbtidbocker');
    // A comment, then a status on the version before it: a history entry, and a conflict to settle.
    await t.request(`/api/activities/${activity.id}/updates`, { method: 'POST', body: JSON.stringify({ text: 'En kommentar.', baseVersion: activity.version }) });
    await t.request(`/api/activities/${activity.id}/updates`, { method: 'POST', body: JSON.stringify({ status: 'Klar', text: 'Klart.', baseVersion: activity.version }) });
  }
  for (const plan of [...plans.in, ...plans.out]) {
    // A report's narrative, so that a report record too is there to aim at.
    await t.request(`/api/plans/${plan.planId}/reports/2025-T1`, { method: 'PUT', body: JSON.stringify({ sections: [{ title: 'Inledning', text: 'Perioden.' }], baseVersion: null }) });
  }
  for (const plan of [...plans.in, ...plans.out]) {
    // A unit's readiness mark, so that a readiness record too is there to aim at.
    const { unitId } = await plan.byKey('activity', 'webbtidbocker');
    const mark = { id: randomUUID(), name: 'readiness.set', recordId: unitId, createdAt: new Date().toISOString(), args: { planId: plan.planId, period: '2025-T1', ready: true } };
    await t.request('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'hostile-world-01', mutations: [mark] }) });
  }
  for (const plan of [...plans.in, ...plans.out]) {
    // A dialogue meeting with a note, so that meeting and note records too are there to aim at.
    const { unitId } = await plan.byKey('activity', 'webbtidbocker');
    const meeting = { id: randomUUID(), name: 'meeting.save', recordId: unitId, createdAt: new Date().toISOString(), args: { key: plan.planId, planId: plan.planId, period: '2025-T1', date: '2025-02-20', title: 'Resultatdialog', participants: ['Ordförande'], baseVersion: null } };
    const note = { id: randomUUID(), name: 'meetingNote.save', recordId: meetingId(unitId, plan.planId), createdAt: new Date().toISOString(), args: { key: randomUUID(), kind: 'avsnitt', heading: 'Utmaningar', text: 'Demografin.', links: [], responsible: null, dueDate: null, status: null, order: 1, baseVersion: null } };
    await t.request('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'hostile-world-01', mutations: [meeting, note] }) });
  }
  for (const plan of [...plans.in, ...plans.out]) {
    // A value from Kolada, as the fetch stores it, so that a koladaValue record too is there to aim at.
    const indicator = await plan.byKey('indicator', 'hyrlakare');
    await putRecords(t.db, 'koladaValue', [
      { id: koladaValueId(indicator.id, '2025', 'T'), indicatorId: indicator.id, unitId: indicator.unitId, planId: plan.planId, period: '2025', gender: 'T', kpi: 'N79240', areaId: '0019', value: 12, status: null, nationalAverage: 14, peers: [], fetchedAt: new Date().toISOString(), counts: false },
    ]);
  }
  const rapportör = await t.userWith('rapportör', own[0]!.unitId);
  for (const { unitId } of own.slice(1)) {
    await t.request(`/api/admin/users/${rapportör.userId}/grants`, { method: 'POST', body: JSON.stringify({ unitId, role: 'rapportör' }) });
  }
  // Controller on the same units too, so that the kinds only the plan's staff make (dialogue notes) have a legitimate author.
  for (const { unitId } of own) {
    await t.request(`/api/admin/users/${rapportör.userId}/grants`, { method: 'POST', body: JSON.stringify({ unitId, role: 'controller' }) });
  }
  const pools = { in: emptyPools(), out: emptyPools() };
  for (const scope of ['in', 'out'] as const) {
    for (const plan of plans[scope]) {
      const rows = await t.db.query<{ id: string; entity: EntityName }>(
        `SELECT id::text, entity FROM records WHERE NOT deleted AND (plan_id = $1 OR unit_id IN (SELECT unit_id FROM records WHERE id = $1) OR id IN (SELECT unit_id FROM records WHERE plan_id = $1))`,
        [plan.planId],
      );
      for (const row of rows) if (!pools[scope][row.entity].includes(row.id)) pools[scope][row.entity].push(row.id);
    }
  }
  return { rapportör, pools, own };
}

const emptyPools = () => Object.fromEntries(ENTITY_NAMES.map((name) => [name, [] as string[]])) as Record<EntityName, string[]>;

/** A valid change of each kind on the rapportör's own records, as their device would make it. */
export async function validChange(t: TestApp, world: HostileWorld, name: MutationName, n: number): Promise<Omit<Mutation, 'id'>> {
  const own = world.own[n % world.own.length]!;
  const createdAt = new Date().toISOString();
  const activity = (await getRecord(t.db, 'activity', own.activityId))!;
  const assignment = (await getRecord(t.db, 'assignment', own.assignmentId))!;
  const outcome = (await t.db.query<{ version: number; data: { period: string; conflicts: { mutationId: string }[] } }>(`SELECT version, data FROM records WHERE entity = 'outcome' AND parent_id = $1 LIMIT 1`, [own.indicatorId]))[0]!;
  const assessments = await t.db.query<{ version: number; data: { period: string; conflicts: { mutationId: string }[] } }>(`SELECT version, data FROM records WHERE entity = 'goalAssessment' AND parent_id = $1`, [own.goalId]);
  const changes: Record<MutationName, () => Omit<Mutation, 'id'>> = {
    'activity.update': () => ({ name: 'activity.update', recordId: own.activityId, createdAt, args: { status: null, statusParts: null, text: `Kommentar ${n}.`, baseVersion: activity.version, writtenAt: null } }),
    'activity.resolve': () => ({ name: 'activity.resolve', recordId: own.activityId, createdAt, args: { status: 'Klar', statusParts: null, settles: activity.conflicts.map((k) => k.mutationId), baseVersion: activity.version } }),
    'outcome.set': () => ({ name: 'outcome.set', recordId: own.indicatorId, createdAt, args: { period: `20${30 + n}-05`, subSeriesKey: null, gender: 'T', value: 3, comment: null, baseVersion: null } }),
    'outcome.resolve': () => ({ name: 'outcome.resolve', recordId: own.indicatorId, createdAt, args: { period: outcome.data.period, subSeriesKey: null, gender: 'T', value: 3, comment: null, settles: [randomUUID()], baseVersion: outcome.version } }),
    'goalAssessment.set': () => ({ name: 'goalAssessment.set', recordId: own.goalId, createdAt, args: { period: `20${30 + n}-T1`, assessment: 'positiv', analysis: null, baseVersion: null } }),
    'assignment.update': () => ({ name: 'assignment.update', recordId: own.assignmentId, createdAt, args: { status: 'Pågående', comment: `Lägesbild ${n}.`, baseVersion: assignment.version } }),
    'assignment.resolve': () => ({ name: 'assignment.resolve', recordId: own.assignmentId, createdAt, args: { status: 'Pågående', comment: null, settles: [randomUUID()], baseVersion: assignment.version } }),
    'meeting.save': () => ({ name: 'meeting.save', recordId: own.unitId, createdAt, args: { key: randomUUID(), planId: own.planId, period: '2025-T1', date: '2025-02-20', title: `Resultatdialog ${n}`, participants: ['Ordförande', 'Förvaltningsdirektör'], baseVersion: null, settles: [] } }),
    'meetingNote.save': () => ({ name: 'meetingNote.save', recordId: own.meetingId, createdAt, args: { key: randomUUID(), kind: 'uppföljning', heading: 'Bemanning', text: `Följ upp ${n}.`, links: [], responsible: 'Controller', dueDate: '2025-06-30', status: 'Öppen', order: n, baseVersion: null, settles: [] } }),
    'readiness.set': () => ({ name: 'readiness.set', recordId: own.unitId, createdAt, args: { planId: own.planId, period: '2027-T1', ready: n % 2 === 0 } }),
    'goalAssessment.resolve': () => ({ name: 'goalAssessment.resolve', recordId: own.goalId, createdAt, args: { period: assessments[0]?.data.period ?? '2024-T1', assessment: 'positiv', analysis: null, settles: [randomUUID()], baseVersion: assessments[0]?.version ?? 1 } }),
  };
  return changes[name]();
}
