import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@shared/schemas/user.ts';
import { importTestPlan, planDocument } from '../../tests/fixtures/planDocument.ts';
import { openTestApp, type Requester, type TestApp } from '../../tests/fixtures/testApp.ts';
import { koladaValueId, meetingId } from '@shared/logic/recordIds.ts';
import { getRecord, putRecords } from '../db/records.ts';
import { ruleOf } from './authorize.ts';

/**
 * The rights matrix: every API route the app serves × every role × a record inside and one outside the
 * role's units. The route list comes from the app itself, so a route added without an entry here (or
 * without an `authorize` rule) fails this test.
 */

type Who = 'anonymous' | Role;
type Scope = 'in' | 'out';
interface Target {
  path: string;
  init?: RequestInit;
}
interface Case {
  /** The request for a record inside (`in`) or outside (`out`) the rapportör's and läsare's units. */
  target: (scope: Scope) => Promise<Target> | Target;
  /** Expected status per role and scope; a single number applies to both scopes. */
  expect: Record<Who, number | Record<Scope, number>>;
  /** Whether a successful call is a write that leaves one audit row (default: any non-GET). */
  audited?: boolean;
}

let t: TestApp;
let inside: Awaited<ReturnType<typeof importTestPlan>>;
let outside: Awaited<ReturnType<typeof importTestPlan>>;
let insideUnit: string;

const json = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });
const READ = { anonymous: 401, läsare: { in: 200, out: 404 }, rapportör: { in: 200, out: 404 }, controller: { in: 200, out: 404 }, administratör: 200 } as const;
const SIGNED_IN = { anonymous: 401, läsare: 200, rapportör: 200, controller: 200, administratör: 200 } as const;
const ADMIN = (ok: number) => ({ anonymous: 401, läsare: 403, rapportör: 403, controller: 403, administratör: ok }) as const;
const WRITE = (ok: number) => ({ anonymous: 401, läsare: 403, rapportör: { in: ok, out: 404 }, controller: { in: ok, out: 404 }, administratör: ok }) as const;
/** A controller's work on a plan: their own units' plans, not others'; nobody else's. */
const PLAN = (ok: number) => ({ anonymous: 401, läsare: 403, rapportör: 403, controller: { in: ok, out: 404 }, administratör: ok }) as const;
const PLANNERS = { anonymous: 401, läsare: 403, rapportör: 403, controller: 200, administratör: 200 } as const;
const plan = (scope: Scope) => (scope === 'in' ? inside : outside);

const CASES: Record<string, Case> = {
  'GET /api/health': { target: () => ({ path: '/api/health' }), expect: { anonymous: 200, läsare: 200, rapportör: 200, controller: 200, administratör: 200 } },
  'GET /api/ready': { target: () => ({ path: '/api/ready' }), expect: { anonymous: 200, läsare: 200, rapportör: 200, controller: 200, administratör: 200 } },
  'POST /api/auth/login': {
    target: () => ({ path: '/api/auth/login', init: json('POST', { email: `${randomUUID()}@malbild.test`, password: 'fel-lösenord' }) }),
    expect: { anonymous: 401, läsare: 401, rapportör: 401, controller: 401, administratör: 401 },
  },
  'POST /api/auth/logout': { target: () => ({ path: '/api/auth/logout', init: { method: 'POST' } }), expect: { ...SIGNED_IN, läsare: 204, rapportör: 204, controller: 204, administratör: 204 } },
  // Public: nobody signed in is `{ user: null }` with 200, not an error (auth.test.ts checks the body).
  'GET /api/auth/me': { target: () => ({ path: '/api/auth/me' }), expect: { anonymous: 200, läsare: 200, rapportör: 200, controller: 200, administratör: 200 } },
  'GET /api/accessibility': { target: () => ({ path: '/api/accessibility' }), expect: { anonymous: 200, läsare: 200, rapportör: 200, controller: 200, administratör: 200 } },
  'GET /api/auth/methods': { target: () => ({ path: '/api/auth/methods' }), expect: { anonymous: 200, läsare: 200, rapportör: 200, controller: 200, administratör: 200 } },
  // OIDC is off in this app: both send everyone back to the sign-in screen with a reason (oidc.test.ts has it on).
  'GET /api/auth/oidc/start': { target: () => ({ path: '/api/auth/oidc/start' }), expect: { anonymous: 302, läsare: 302, rapportör: 302, controller: 302, administratör: 302 } },
  'GET /api/auth/oidc/callback': { target: () => ({ path: '/api/auth/oidc/callback?code=x&state=y' }), expect: { anonymous: 302, läsare: 302, rapportör: 302, controller: 302, administratör: 302 } },
  'POST /api/auth/logout-others': { target: () => ({ path: '/api/auth/logout-others', init: { method: 'POST' } }), expect: SIGNED_IN },
  // Every test user's password hash is a placeholder, so the current password never matches: 400, audited as a failure.
  'PUT /api/auth/password': {
    target: () => ({ path: '/api/auth/password', init: json('PUT', { currentPassword: 'fel-lösenord', newPassword: 'ett-nytt-långt-lösenord' }) }),
    expect: { anonymous: 401, läsare: 400, rapportör: 400, controller: 400, administratör: 400 },
  },
  'GET /api/plans': { target: () => ({ path: '/api/plans' }), expect: SIGNED_IN },
  'GET /api/plans/:id': { target: (s) => ({ path: `/api/plans/${plan(s).planId}` }), expect: READ },
  'GET /api/plans/:id/goals': { target: (s) => ({ path: `/api/plans/${plan(s).planId}/goals` }), expect: READ },
  'GET /api/plans/:id/indicators': { target: (s) => ({ path: `/api/plans/${plan(s).planId}/indicators` }), expect: READ },
  'GET /api/plans/:id/activities': { target: (s) => ({ path: `/api/plans/${plan(s).planId}/activities` }), expect: READ },
  'GET /api/plans/:id/export.xlsx': { target: (s) => ({ path: `/api/plans/${plan(s).planId}/export.xlsx` }), expect: PLAN(200) },
  'GET /api/plans/:id/export.json': { target: (s) => ({ path: `/api/plans/${plan(s).planId}/export.json` }), expect: PLAN(200) },
  'GET /api/plans/import/template.xlsx': { target: () => ({ path: '/api/plans/import/template.xlsx' }), expect: PLANNERS },
  'GET /api/plans/import/template.zip': { target: () => ({ path: '/api/plans/import/template.zip' }), expect: PLANNERS },
  // The plan's own document again: applied, though it changes nothing, and audited as an import.
  'POST /api/plans/import': {
    target: (s) => {
      const form = new FormData();
      form.set('file', new File([JSON.stringify(plan(s).doc)], 'plan.json'));
      form.set('dryRun', 'false');
      return { path: '/api/plans/import', init: { method: 'POST', body: form } };
    },
    expect: { anonymous: 401, läsare: 403, rapportör: 403, controller: { in: 200, out: 403 }, administratör: 200 },
  },
  // Each role's try starts from the state the route changes: open for closing, closed for reopening.
  'POST /api/plans/:id/periods/:period/close': {
    target: async (s) => {
      await setClosures(plan(s).planId, []);
      return { path: `/api/plans/${plan(s).planId}/periods/2025-T1/close`, init: { method: 'POST' } };
    },
    expect: PLAN(200),
  },
  'POST /api/plans/:id/periods/:period/reopen': {
    target: async (s) => {
      await setClosures(plan(s).planId, [{ period: '2025-T1', closedAt: '2025-05-20T08:00:00.000Z', closedById: randomUUID(), closedBy: 'Cecilia Controller' }]);
      return { path: `/api/plans/${plan(s).planId}/periods/2025-T1/reopen`, init: json('POST', { reason: 'Ett utfall rättas.' }) };
    },
    expect: PLAN(200),
  },
  'GET /api/plans/:id/reports/:file': { target: (s) => ({ path: `/api/plans/${plan(s).planId}/reports/2025-T1.json` }), expect: READ },
  'GET /api/plans/:id/meetings/:file': {
    target: async (s) => {
      // A meeting of the unit the läsare and rapportör are on (in) or of the other plan's same unit (out).
      const [unit] = await t.db.query<{ id: string }>(`SELECT unit_id AS id FROM records WHERE entity = 'activity' AND plan_id = $1 AND data->>'key' = 'webbtidbocker'`, [plan(s).planId]);
      const key = randomUUID();
      const mutation = { id: randomUUID(), name: 'meeting.save', recordId: s === 'in' ? insideUnit : unit!.id, createdAt: new Date().toISOString(), args: { key, planId: plan(s).planId, period: '2025-T1', date: '2025-02-20', title: 'Resultatdialog', participants: [], baseVersion: null } };
      await t.request('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'rules-meetings', mutations: [mutation] }) });
      return { path: `/api/plans/${plan(s).planId}/meetings/${meetingId(mutation.recordId, key)}.pdf` };
    },
    expect: READ,
  },
  'PUT /api/plans/:id/reports/:period': {
    target: async (s) => {
      const [current] = await t.db.query<{ version: number }>(`SELECT version FROM records WHERE entity = 'report' AND plan_id = $1 AND data->>'period' = '2025-T2'`, [plan(s).planId]);
      return { path: `/api/plans/${plan(s).planId}/reports/2025-T2`, init: json('PUT', { sections: [{ title: 'Inledning', text: 'Text.' }], baseVersion: current?.version ?? null }) };
    },
    expect: PLAN(200),
  },
  'GET /api/goals/:id': { target: async (s) => ({ path: `/api/goals/${(await plan(s).byKey('goal', 'tillganglighet')).id}` }), expect: READ },
  'PUT /api/goals/:id/assessments': {
    target: async (s) => ({
      path: `/api/goals/${(await plan(s).byKey('goal', 'kompetens')).id}/assessments`,
      init: json('PUT', { period: `${2000 + Math.floor(Math.random() * 99)}-T${1 + Math.floor(Math.random() * 3)}`, assessment: 'positiv', analysis: 'Bättre än väntat.' }),
    }),
    expect: WRITE(200),
  },
  'GET /api/indicators/:id': { target: async (s) => ({ path: `/api/indicators/${(await plan(s).byKey('indicator', 'hyrlakare')).id}` }), expect: READ },
  'PUT /api/indicators/:id/outcomes': {
    target: async (s) => ({
      path: `/api/indicators/${(await plan(s).byKey('indicator', 'hyrlakare')).id}/outcomes`,
      init: json('PUT', { period: `20${10 + Math.floor(Math.random() * 80)}-0${1 + Math.floor(Math.random() * 9)}`, value: 12, comment: null }),
    }),
    expect: WRITE(200),
  },
  'GET /api/activities/:id': { target: async (s) => ({ path: `/api/activities/${(await plan(s).byKey('activity', 'webbtidbocker')).id}` }), expect: READ },
  'POST /api/activities/:id/updates': {
    target: async (s) => ({ path: `/api/activities/${(await plan(s).byKey('activity', 'webbtidbocker')).id}/updates`, init: json('POST', { text: 'Ny kommentar.', baseVersion: 1 }) }),
    expect: WRITE(201),
  },
  'GET /api/sync/pull': { target: () => ({ path: '/api/sync/pull?since=0&limit=10' }), expect: SIGNED_IN },
  // A push answers 200 with a result per mutation; rights are decided per mutation (server/routes/push.test.ts).
  'POST /api/sync/push': { target: () => ({ path: '/api/sync/push', init: json('POST', { deviceId: 'matrix-device', mutations: [] }) }), expect: SIGNED_IN, audited: false },
  'GET /api/openapi.json': { target: () => ({ path: '/api/openapi.json' }), expect: SIGNED_IN },
  'GET /api/admin/users': { target: () => ({ path: '/api/admin/users' }), expect: ADMIN(200) },
  'POST /api/admin/users': {
    target: () => ({ path: '/api/admin/users', init: json('POST', { name: 'Ny Person', email: `${randomUUID()}@malbild.test`, password: 'ett-långt-lösenord' }) }),
    expect: ADMIN(201),
  },
  'PATCH /api/admin/users/:id': { target: async () => ({ path: `/api/admin/users/${(await t.userWith('läsare', insideUnit)).userId}`, init: json('PATCH', { name: 'Nytt Namn' }) }), expect: ADMIN(200) },
  'PUT /api/admin/users/:id/password': {
    target: async () => ({ path: `/api/admin/users/${(await t.userWith('läsare', insideUnit)).userId}/password`, init: json('PUT', { password: 'ett-nytt-långt-lösenord' }) }),
    expect: ADMIN(204),
  },
  'POST /api/admin/users/:id/grants': {
    target: async () => ({ path: `/api/admin/users/${(await t.userWith('läsare', insideUnit)).userId}/grants`, init: json('POST', { unitId: insideUnit, role: 'rapportör' }) }),
    expect: ADMIN(201),
  },
  'DELETE /api/admin/grants/:id': {
    target: async () => {
      const user = await t.userWith('läsare', insideUnit);
      const [grant] = await t.db.query<{ id: string }>('SELECT id FROM grants WHERE user_id = $1', [user.userId]);
      return { path: `/api/admin/grants/${grant!.id}`, init: { method: 'DELETE' } };
    },
    expect: ADMIN(200),
  },
  'POST /api/admin/units': { target: () => ({ path: '/api/admin/units', init: json('POST', { name: 'Ny enhet', parentId: insideUnit, kind: 'enhet' }) }), expect: ADMIN(201) },
  'PATCH /api/admin/units/:id': { target: () => ({ path: `/api/admin/units/${insideUnit}`, init: json('PATCH', { shortName: 'HSF' }) }), expect: ADMIN(200) },
  'GET /api/admin/audit': { target: () => ({ path: '/api/admin/audit?limit=5' }), expect: ADMIN(200) },
  'GET /api/admin/lockouts': { target: () => ({ path: '/api/admin/lockouts' }), expect: ADMIN(200) },
  'GET /api/admin/mail': { target: () => ({ path: '/api/admin/mail' }), expect: ADMIN(200) },
  // Kolada is out of reach in this test: the search still answers, saying so.
  'GET /api/kolada/kpis': { target: () => ({ path: '/api/kolada/kpis?title=bup' }), expect: PLANNERS },
  'GET /api/kolada/run': { target: () => ({ path: '/api/kolada/run' }), expect: PLANNERS },
  'PUT /api/indicators/:id/kolada': {
    target: async (s) => ({ path: `/api/indicators/${(await plan(s).byKey('indicator', 'vardgaranti')).id}/kolada`, init: json('PUT', { kpi: 'U72552' }) }),
    expect: PLAN(200),
  },
  // A value as a fetch stores it; each call asks for the opposite of what it holds, so that every allowed call is a change.
  'PUT /api/kolada/values/:id': {
    target: async (s) => {
      const indicator = await plan(s).byKey('indicator', 'vardgaranti');
      const id = koladaValueId(indicator.id, '2025', 'T');
      const held = await getRecord(t.db, 'koladaValue', id);
      if (!held) {
        await putRecords(t.db, 'koladaValue', [
          { id, indicatorId: indicator.id, unitId: indicator.unitId, planId: plan(s).planId, period: '2025', gender: 'T', kpi: 'U72552', areaId: '0019', value: 51.3, status: null, nationalAverage: 60.1, peers: [], fetchedAt: new Date().toISOString(), counts: false },
        ]);
      }
      return { path: `/api/kolada/values/${id}`, init: json('PUT', { counts: !(held?.counts ?? false) }) };
    },
    expect: PLAN(200),
  },
  'PUT /api/plans/:id/kolada': { target: (s) => ({ path: `/api/plans/${plan(s).planId}/kolada`, init: json('PUT', { areaId: '0019', peerIds: ['0003'] }) }), expect: PLAN(200) },
  // The plan has an area by now (the entry above), and its fetch begins in the background (no mapped indicators: it ends at once).
  'POST /api/plans/:id/kolada/fetch': {
    target: async (s) => {
      // One fetch runs at a time: the one the previous role began ends first.
      await expect.poll(async () => (await t.db.query('SELECT 1 FROM kolada_runs WHERE running')).length).toBe(0);
      return { path: `/api/plans/${plan(s).planId}/kolada/fetch`, init: { method: 'POST' } };
    },
    expect: PLAN(202),
    audited: false,
  },
  'POST /api/admin/users/:id/unlock': { target: async () => ({ path: `/api/admin/users/${(await t.userWith('läsare', insideUnit)).userId}/unlock`, init: { method: 'POST' } }), expect: ADMIN(204) },
};

let routes: string[];

beforeAll(async () => {
  t = await openTestApp();
  inside = await importTestPlan(t.db);
  outside = await importTestPlan(t.db, planDocument());
  const [unit] = await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = $1`, [inside.doc.units[1]!.key]);
  insideUnit = unit!.id;
  routes = [
    ...new Set(
      t.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*')).map((r) => `${r.method} ${r.path}`),
    ),
  ];
});
afterAll(() => t.close());

async function asRole(who: Who): Promise<Requester & { userId: string | null }> {
  if (who === 'anonymous') return { ...t.anonymous, userId: null };
  // The läsare, rapportör and controller hold their grant on the inside plan's förvaltning; a fresh user per request,
  // so that signing out in one case cannot spoil another.
  return t.userWith(who, insideUnit);
}

const setClosures = (planId: string, closures: unknown[]) =>
  t.db.query(`UPDATE records SET data = jsonb_set(data, '{closures}', $2::jsonb) WHERE id = $1`, [planId, JSON.stringify(closures)]);

const auditCount = async (userId: string) => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE user_id = $1', [userId]))[0]!.n;

describe('the rights matrix', () => {
  it('has an entry and an authorize rule for every API route the app serves', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const withoutCase = routes.filter((route) => !(route in CASES));
    expect(withoutCase, 'routes missing from the rights matrix').toEqual([]);
    const withoutRule = routes.filter((route) => {
      const [method, path] = route.split(' ');
      return !t.app.routes.some((r) => r.path === path && r.method === method && ruleOf(r.handler));
    });
    expect(withoutRule, 'routes without an authorize() rule').toEqual([]);
  });

  for (const [route, { target, expect: expected, audited = true }] of Object.entries(CASES)) {
    it(route, async () => {
      expect(routes, 'this matrix entry names a route the app does not serve').toContain(route);
      for (const who of ['anonymous', 'läsare', 'rapportör', 'controller', 'administratör'] as const) {
        for (const scope of ['in', 'out'] as const) {
          const want = typeof expected[who] === 'number' ? expected[who] : expected[who][scope];
          const requester = await asRole(who);
          const before = requester.userId ? await auditCount(requester.userId) : 0;
          const { path, init } = await target(scope);
          const response = await requester.request(path, init);
          expect(response.status, `${who}, ${scope} scope: ${route}`).toBe(want);
          const writes = init?.method && init.method !== 'GET';
          if (writes && audited && requester.userId && want < 300) {
            // Every write leaves exactly one line in the audit trail, under the person who made it.
            expect(await auditCount(requester.userId), `audit rows for ${who} after ${route}`).toBe(before + 1);
          }
        }
      }
      // Routes that print a PDF start Chromium and print once per role and scope: seconds on a busy machine.
    }, 60_000);
  }
});
