import { randomUUID } from 'node:crypto';
import { toJsonSchema } from '@valibot/to-json-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_KINDS, MUTATION_NAMES } from '@shared/mutations/kinds.ts';
import { openTestApp, type Requester, type TestApp } from '../fixtures/testApp.ts';
import { textFields, withText } from './fields.ts';
import { hostileWorld, validChange, type HostileWorld } from './world.ts';

/**
 * Every text field of every kind of change and every write route, found from their schemas, tried with
 * what a hostile or merely unusual client sends: a lone surrogate and NUL (which PostgreSQL cannot store),
 * right-to-left marks and emoji (which must be kept exactly), and texts at and past their length limit.
 * Nothing answers 5xx or echoes the text back; what cannot be stored is refused in Swedish.
 */
let t: TestApp;
let world: HostileWorld;

beforeAll(async () => {
  t = await openTestApp();
  world = await hostileWorld(t, 1);
}, 120_000);
afterAll(() => t.close());

const UNSTORABLE = { 'a lone surrogate': 'före\ud800efter', NUL: 'före\u0000efter', 'a non-character': 'före\uffffefter' };
const KEPT = { 'right-to-left marks': '\u202Bשלום\u202C och \u200Fmer', emoji: 'Klart 🙂👍🏽 👨‍👩‍👧' };
const REFUSAL = 'Texten innehåller ett tecken som inte kan sparas.';

/** Whether the text is stored anywhere the app keeps what people write. */
async function stored(text: string): Promise<boolean> {
  const [row] = await t.db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM records WHERE position($1 in data::text) > 0) + (SELECT count(*) FROM users WHERE position($1 in name) > 0) AS n`,
    [text],
  );
  return Number(row!.n) > 0;
}

describe('text in a change', () => {
  for (const name of MUTATION_NAMES) {
    const fields = textFields(toJsonSchema(MUTATION_KINDS[name].args, { errorMode: 'ignore' }) as never);
    it(`${name}: every text field refuses what cannot be stored and keeps marks and emoji exactly`, async () => {
      expect(name === 'activity.update' ? fields.length : 1, 'an activity update has a comment and part names').toBeGreaterThanOrEqual(name === 'activity.update' ? 2 : 1);
      const push = (mutation: unknown) => world.rapportör.json('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'hostile-texts-01', mutations: [mutation] }) });
      for (const field of fields) {
        const where = `${name} ${field.path.join('.')}`;
        for (const [what, text] of Object.entries(UNSTORABLE)) {
          const base = await validChange(t, world, name, 1);
          const { status, body } = await push({ ...base, id: randomUUID(), args: withText(base.args, field.path, text) });
          expect(status, `${where}, ${what}`).toBe(200);
          expect(body.results[0], `${where}, ${what}`).toMatchObject({ status: 'rejected', message: expect.stringContaining(REFUSAL) });
        }
        const limit = field.maxLength;
        if (limit !== null) {
          const base = await validChange(t, world, name, 1);
          const { body } = await push({ ...base, id: randomUUID(), args: withText(base.args, field.path, 'å'.repeat(limit + 1)) });
          expect(body.results[0], `${where}, one past its limit`).toMatchObject({ status: 'rejected', message: expect.stringMatching(/Högst \d+ tecken/) });
        }
        for (const [what, text] of Object.entries({ ...KEPT, 'at its limit': 'å'.repeat(limit ?? 10_000) })) {
          const base = await validChange(t, world, name, 2);
          const marked = what === 'at its limit' ? text : `${text} ${randomUUID()}`;
          const { body } = await push({ ...base, id: randomUUID(), args: withText(base.args, field.path, marked) });
          // A settlement of nothing is refused for that, whatever its text; where it applies, the text is kept exactly.
          if (body.results[0].status === 'rejected') expect(body.results[0].message, `${where}, ${what}`).not.toMatch(/tecken/);
          else expect(await stored(marked), `${where}, ${what} kept exactly`).toBe(true);
          expect(JSON.stringify(body)).not.toContain(marked);
        }
      }
    });
  }
});

/** A valid body for each REST write that takes one, as the app's own screens send it. */
const REST_BODIES: Record<string, (who: { own: HostileWorld['own'][number]; unitId: string }) => { path: string; body: Record<string, unknown>; as: 'admin' | 'rapportör' | 'anonymous' }> = {
  'POST /api/auth/login': () => ({ path: '/api/auth/login', body: { email: `${randomUUID()}@malbild.test`, password: 'fel-lösenord' }, as: 'anonymous' }),
  'PUT /api/auth/password': () => ({ path: '/api/auth/password', body: { currentPassword: 'fel-lösenord', newPassword: 'ett-nytt-långt-lösenord' }, as: 'rapportör' }),
  'PUT /api/goals/:id/assessments': ({ own }) => ({ path: `/api/goals/${own.goalId}/assessments`, body: { period: `20${40 + Math.floor(Math.random() * 50)}-T2`, assessment: 'negativ', analysis: 'Analys.' }, as: 'rapportör' }),
  'PUT /api/indicators/:id/outcomes': ({ own }) => ({ path: `/api/indicators/${own.indicatorId}/outcomes`, body: { period: `20${40 + Math.floor(Math.random() * 50)}-02`, value: 2, comment: 'Kommentar.' }, as: 'rapportör' }),
  'POST /api/activities/:id/updates': ({ own }) => ({ path: `/api/activities/${own.activityId}/updates`, body: { text: 'Kommentar.', baseVersion: 1 }, as: 'rapportör' }),
  'POST /api/sync/push': () => ({ path: '/api/sync/push', body: { deviceId: 'hostile-texts-02', mutations: [] }, as: 'rapportör' }),
  'PUT /api/plans/:id/reports/:period': () => ({ path: `/api/plans/${world.pools.in.plan[0]}/reports/2026-T2`, body: { sections: [{ title: 'Inledning', text: 'Text.' }], tables: [{ title: 'Produktion', columns: [{ title: 'Mått', format: 'text' }], rows: [['Besök']] }], baseVersion: null }, as: 'admin' }),
  'PUT /api/indicators/:id/kolada': ({ own }) => ({ path: `/api/indicators/${own.indicatorId}/kolada`, body: { kpi: 'N79240' }, as: 'admin' }),
  'PUT /api/kolada/values/:id': () => ({ path: `/api/kolada/values/${world.pools.in.koladaValue[0]}`, body: { counts: true }, as: 'admin' }),
  'PUT /api/plans/:id/kolada': () => ({ path: `/api/plans/${world.pools.in.plan[0]}/kolada`, body: { areaId: '0019', peerIds: ['0003'] }, as: 'admin' }),
  'POST /api/plans/:id/periods/:period/reopen': () => ({ path: `/api/plans/${world.pools.in.plan[0]}/periods/2025-T1/reopen`, body: { reason: 'Ett utfall rättas.' }, as: 'admin' }),
  'POST /api/admin/users': () => ({ path: '/api/admin/users', body: { name: 'Ny Person', email: `${randomUUID()}@malbild.test`, password: 'ett-långt-lösenord' }, as: 'admin' }),
  'PATCH /api/admin/users/:id': () => ({ path: `/api/admin/users/${world.rapportör.userId}`, body: { name: 'Rapportör' }, as: 'admin' }),
  'PUT /api/admin/users/:id/password': () => ({ path: `/api/admin/users/${world.rapportör.userId}/password`, body: { password: 'ett-långt-lösenord' }, as: 'admin' }),
  'POST /api/admin/users/:id/grants': ({ unitId }) => ({ path: `/api/admin/users/${world.rapportör.userId}/grants`, body: { unitId, role: 'läsare' }, as: 'admin' }),
  'POST /api/admin/units': ({ unitId }) => ({ path: '/api/admin/units', body: { name: 'Ny enhet', shortName: 'NY', parentId: unitId, kind: 'enhet' }, as: 'admin' }),
  'PATCH /api/admin/units/:id': ({ unitId }) => ({ path: `/api/admin/units/${unitId}`, body: { name: 'Hälso- och sjukvårdsförvaltningen', shortName: 'HSF' }, as: 'admin' }),
};

describe('text over the REST routes', () => {
  let document: { paths: Record<string, Record<string, { requestBody?: { content: { 'application/json': { schema: never } } } }>> };
  beforeAll(async () => {
    document = (await t.json('/api/openapi.json')).body;
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.requestBody)
        .map(([method, op]) => ({ route: `${method.toUpperCase()} /api${path.replaceAll(/\{(\w+)\}/g, ':$1')}`, schema: op.requestBody!.content['application/json'].schema })),
    );

  it('cover every route that takes a body', () => {
    const missing = operations().filter((op) => !(op.route in REST_BODIES)).map((op) => op.route);
    expect(missing, 'routes with a body the hostile client does not try').toEqual([]);
  });

  it('refuse what cannot be stored in every text field, with 4xx and in Swedish, without repeating it', async () => {
    const who: Record<'admin' | 'rapportör' | 'anonymous', Requester> = { admin: t, rapportör: world.rapportör, anonymous: t.anonymous };
    const context = { own: world.own[0]!, unitId: world.own[0]!.unitId };
    for (const { route, schema } of operations()) {
      for (const field of textFields(schema)) {
        const where = `${route} ${field.path.join('.')}`;
        const secret = /password/i.test(String(field.path.at(-1)));
        for (const [what, text] of Object.entries({ ...UNSTORABLE, ...KEPT, 'past any limit': 'x'.repeat(10_001) })) {
          const valid = REST_BODIES[route]!(context);
          const marked = `${text}<i>${randomUUID()}</i>`;
          const response = await who[valid.as].request(valid.path, { method: route.split(' ')[0], body: JSON.stringify(withText(valid.body, field.path, marked)) });
          expect(response.status, `${where}, ${what}`).toBeLessThan(500);
          const answer = await response.text();
          // A refusal says what is wrong without repeating what was sent (a record saved, or kept as a conflict, returns as saved).
          const message = (JSON.parse(answer || 'null') as { error?: { message: string } } | null)?.error?.message ?? '';
          expect(message, `${where}, ${what}: the message repeats the text`).not.toContain(marked);
          if (what in UNSTORABLE && !secret) {
            expect(response.status, `${where}, ${what}`).toBeGreaterThanOrEqual(400);
            expect(message, `${where}, ${what}`).toContain(REFUSAL);
          }
        }
      }
    }
  });
});
