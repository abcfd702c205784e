import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyId } from '@shared/logic/recordIds.ts';
import { kindOf, MUTATION_NAMES } from '@shared/mutations/kinds.ts';
import { ENTITY_NAMES, type EntityName } from '@shared/schemas/entities.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { getRecord } from '../../server/db/records.ts';
import { openTestApp, type TestApp } from '../fixtures/testApp.ts';
import { changedIds, hostileWorld, snapshotRecords, validChange, type HostileWorld, type Scope } from './world.ts';

/**
 * A hostile client aims the ids it controls (a change's own id, the record it names, an id in a body) at
 * every kind of record, in its units and outside them, through every kind of change and every write
 * route. Whatever arrives, no record changes but the ones the write may change, and nothing answers 5xx.
 * The kinds and routes come from the app itself: a new one fails here until it is covered.
 */
let t: TestApp;
let world: HostileWorld;
// Every kind of change, and the REST route that takes a body id, aims at one record of each kind and scope.
const USES_OF_AN_ID = MUTATION_NAMES.length + 1;

beforeAll(async () => {
  t = await openTestApp();
  world = await hostileWorld(t, USES_OF_AN_ID);
}, 120_000);
afterAll(() => t.close());

/** A record id no other attack has used yet, of this kind and scope. */
function take(entity: EntityName, scope: Scope): string {
  const id = world.pools[scope][entity].pop();
  if (!id) throw new Error(`the world has too few ${entity} records ${scope} scope`);
  return id;
}

const push = (mutations: unknown[]) => world.rapportör.json('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'hostile-device-01', mutations }) });

/** What a change may write: its target, and a history entry named after it. */
const mayWrite = (mutation: Mutation) => [kindOf(mutation.name).targetId(mutation.recordId, mutation.args), historyId(mutation.id)];

describe('the id of a change', () => {
  it('covers every kind of change the app knows', () => {
    expect(MUTATION_NAMES.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of MUTATION_NAMES) {
    it(`${name}: named after a record of any kind, in scope or not, changes only its own target`, async () => {
      const mutations: Mutation[] = [];
      for (const entity of ENTITY_NAMES) {
        for (const scope of ['in', 'out'] as const) mutations.push({ ...(await validChange(t, world, name, mutations.length)), id: take(entity, scope) } as Mutation);
      }
      const before = await snapshotRecords(t.db);
      const { status, body } = await push(mutations);
      expect(status).toBe(200);
      expect(body.results).toHaveLength(mutations.length);
      const allowed = new Set(mutations.flatMap(mayWrite));
      const strays = changedIds(before, await snapshotRecords(t.db)).filter((id) => !allowed.has(id));
      expect(strays, 'records changed that the changes may not change').toEqual([]);
      const after = await snapshotRecords(t.db);
      for (const mutation of mutations.filter((m) => !allowed.has(m.id))) expect(after.get(mutation.id), 'the record the id named').toEqual(before.get(mutation.id));
    });
  }
});

describe('the record a change names', () => {
  for (const name of MUTATION_NAMES) {
    it(`${name}: aimed at a record of any kind, in scope or not, is refused unless it is a record of its kind the person may write`, async () => {
      const kind = kindOf(name);
      const template = await validChange(t, world, name, 0);
      const writable = new Set(world.own.map((o) => o.unitId));
      for (const entity of ENTITY_NAMES) {
        for (const scope of ['in', 'out'] as const) {
          const target = world.pools[scope][entity][0]!;
          const mutation = { ...template, id: randomUUID(), recordId: target } as Mutation;
          const before = await snapshotRecords(t.db);
          const { status, body } = await push([mutation]);
          expect(status).toBe(200);
          const [row] = await t.db.query<{ unit_id: string | null }>('SELECT unit_id::text FROM records WHERE id = $1', [target]);
          const legitimate = entity === kind.parent && scope === 'in' && writable.has(row?.unit_id ?? '');
          if (!legitimate) expect(body.results[0], `${name} on a ${entity} ${scope} scope`).toMatchObject({ status: 'rejected' });
          const allowed = new Set(legitimate ? mayWrite(mutation) : []);
          const strays = changedIds(before, await snapshotRecords(t.db)).filter((id) => !allowed.has(id));
          expect(strays, `${name} on a ${entity} ${scope} scope changed records it may not`).toEqual([]);
        }
      }
    });
  }
});

describe('the plan a readiness mark names', () => {
  it('readiness.set: for a plan id of any kind, in scope or not, marks nothing but the unit’s own readiness in its own plan', async () => {
    const own = world.own[0]!;
    for (const entity of ENTITY_NAMES) {
      for (const scope of ['in', 'out'] as const) {
        const planId = world.pools[scope][entity][0]!;
        const mutation = { id: randomUUID(), name: 'readiness.set', recordId: own.unitId, createdAt: new Date().toISOString(), args: { planId, period: '2027-T1', ready: true } } as Mutation;
        const before = await snapshotRecords(t.db);
        const { status, body } = await push([mutation]);
        expect(status).toBe(200);
        const legitimate = entity === 'plan' && scope === 'in';
        if (!legitimate) expect(body.results[0], `a ${entity} ${scope} scope as the plan`).toMatchObject({ status: 'rejected' });
        const allowed = new Set(legitimate ? mayWrite(mutation) : []);
        expect(changedIds(before, await snapshotRecords(t.db)).filter((id) => !allowed.has(id)), `a ${entity} ${scope} scope as the plan`).toEqual([]);
      }
    }
  });
});

/** The REST writes and where each takes an id, with what a valid request looks like. */
type RestCase = {
  path: (id: string) => string;
  method: string;
  body: (id: string) => unknown;
  /** Whether the route may change the record it was aimed at, given its kind and whether the person may write its unit. */
  mayChange: (entity: EntityName, writable: boolean) => boolean;
};
const REST_IDS: Record<string, RestCase> = {
  'POST /api/activities/:id/updates (path)': { method: 'POST', path: (id) => `/api/activities/${id}/updates`, body: () => ({ text: 'Via REST.', baseVersion: 1 }), mayChange: (entity, writable) => entity === 'activity' && writable },
  'PUT /api/indicators/:id/outcomes': { method: 'PUT', path: (id) => `/api/indicators/${id}/outcomes`, body: () => ({ period: '2031-01', value: 2 }), mayChange: (entity, writable) => entity === 'indicator' && writable },
  'PUT /api/goals/:id/assessments': { method: 'PUT', path: (id) => `/api/goals/${id}/assessments`, body: () => ({ period: '2031-T1', assessment: 'positiv' }), mayChange: (entity, writable) => entity === 'goal' && writable },
  'PATCH /api/admin/units/:id': { method: 'PATCH', path: (id) => `/api/admin/units/${id}`, body: () => ({ shortName: 'Ny' }), mayChange: (entity) => entity === 'unit' },
  'POST /api/admin/units (parentId)': { method: 'POST', path: () => '/api/admin/units', body: (id) => ({ name: 'Ny enhet', parentId: id, kind: 'enhet' }), mayChange: () => false },
  // Closing and reopening name a plan: aimed at anything else they find no plan, and change nothing.
  'POST /api/plans/:id/periods/:period/close': { method: 'POST', path: (id) => `/api/plans/${id}/periods/2025-T2/close`, body: () => ({}), mayChange: (entity) => entity === 'plan' },
  'POST /api/plans/:id/periods/:period/reopen': { method: 'POST', path: (id) => `/api/plans/${id}/periods/2025-T2/reopen`, body: () => ({ reason: 'Rättning.' }), mayChange: (entity) => entity === 'plan' },
  'PUT /api/plans/:id/reports/:period': { method: 'PUT', path: (id) => `/api/plans/${id}/reports/2027-T1`, body: () => ({ sections: [{ title: 'Inledning', text: 'Text.' }], baseVersion: null }), mayChange: (entity) => entity === 'plan' },
  // Kolada's settings and fetch name a plan: aimed at anything else they find no plan.
  'PUT /api/indicators/:id/kolada': { method: 'PUT', path: (id) => `/api/indicators/${id}/kolada`, body: () => ({ kpi: 'N79240' }), mayChange: (entity) => entity === 'indicator' },
  'PUT /api/kolada/values/:id': { method: 'PUT', path: (id) => `/api/kolada/values/${id}`, body: () => ({ counts: true }), mayChange: (entity) => entity === 'koladaValue' },
  'PUT /api/plans/:id/kolada': { method: 'PUT', path: (id) => `/api/plans/${id}/kolada`, body: () => ({ areaId: '0019', peerIds: [] }), mayChange: (entity) => entity === 'plan' },
  'POST /api/plans/:id/kolada/fetch': { method: 'POST', path: (id) => `/api/plans/${id}/kolada/fetch`, body: () => ({}), mayChange: (entity) => entity === 'plan' },
  'POST /api/admin/users/:id/grants (unitId)': { method: 'POST', path: () => `/api/admin/users/${world.rapportör.userId}/grants`, body: (id) => ({ unitId: id, role: 'läsare' }), mayChange: () => false },
};

describe('ids over the REST routes', () => {
  it('cover every REST route that takes the id of a record', () => {
    const routes = t.app.routes.filter((r) => r.method !== 'GET' && r.method !== 'ALL' && /^\/api\/(activities|indicators|goals|plans|admin\/units)\/:id/.test(r.path)).map((r) => `${r.method} ${r.path}`);
    for (const route of routes) expect(Object.keys(REST_IDS).some((k) => k.startsWith(route)), `${route} is not aimed at`).toBe(true);
  });

  for (const [route, attack] of Object.entries(REST_IDS)) {
    it(`${route}: aimed at a record of any kind changes nothing it may not`, async () => {
      for (const entity of ENTITY_NAMES) {
        for (const scope of ['in', 'out'] as const) {
          const target = world.pools[scope][entity][0]!;
          const before = await snapshotRecords(t.db);
          // As the rapportör where a rapportör writes, as the administratör (who may write everything) where only one does.
          const who = route.includes('/admin/') || route.includes('/periods/') || route.includes('/reports/') || route.includes('/kolada') ? t : world.rapportör;
          const response = await who.request(attack.path(target), { method: attack.method, body: JSON.stringify(attack.body(target)) });
          expect(response.status, `${route} at a ${entity}`).toBeLessThan(500);
          const [row] = await t.db.query<{ unit_id: string | null }>('SELECT unit_id::text FROM records WHERE id = $1', [target]);
          const writable = scope === 'in' && world.own.some((o) => o.unitId === row?.unit_id);
          if (attack.mayChange(entity, writable)) continue;
          const strays = changedIds(before, await snapshotRecords(t.db)).filter((id) => {
            // Creating a unit under a unit adds one, under a new id of the server's.
            return before.has(id) || !(route.startsWith('POST /api/admin/units') && entity === 'unit');
          });
          expect(strays, `${route} at a ${entity} ${scope} scope`).toEqual([]);
        }
      }
    });
  }

  it('POST /api/activities/:id/updates: a body id naming a record of any kind changes only the activity and its own history entry', async () => {
    const own = world.own[0]!;
    for (const entity of ENTITY_NAMES) {
      for (const scope of ['in', 'out'] as const) {
        const named = take(entity, scope);
        const before = await snapshotRecords(t.db);
        const activity = (await getRecord(t.db, 'activity', own.activityId))!;
        const response = await world.rapportör.request(`/api/activities/${own.activityId}/updates`, { method: 'POST', body: JSON.stringify({ id: named, text: 'Med ett lånat id.', baseVersion: activity.version }) });
        expect(response.status).toBeLessThan(500);
        const strays = changedIds(before, await snapshotRecords(t.db)).filter((id) => id !== own.activityId && id !== historyId(named));
        expect(strays, `body id of a ${entity} ${scope} scope`).toEqual([]);
      }
    }
  });
});
