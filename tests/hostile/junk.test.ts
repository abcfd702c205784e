import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTestPlan } from '../fixtures/planDocument.ts';
import { openTestApp, type Requester, type TestApp } from '../fixtures/testApp.ts';
import { changedIds, snapshotRecords } from './world.ts';

/**
 * Junk generated from the app's own OpenAPI document: for every route, every body property and every
 * parameter given values of the wrong type, bodies that are not objects or not JSON at all, and very
 * deep or very long ones. Each request is sent as an administratör (who may call every route) and as a
 * rapportör. Nothing answers 5xx, no answer repeats the junk, and no record changes.
 */
let t: TestApp;
let rapportör: Requester;
type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; anyOf?: Schema[]; allOf?: Schema[] };
type Operation = { parameters?: { in: string; name: string }[]; requestBody?: { content: { 'application/json': { schema: Schema } } } };
let operations: { method: string; path: string; op: Operation }[];

beforeAll(async () => {
  t = await openTestApp();
  const plan = await importTestPlan(t.db);
  rapportör = await t.userWith('rapportör', (await plan.byKey('activity', 'webbtidbocker')).unitId);
  const document = (await t.json('/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
}, 60_000);
afterAll(() => t.close());

const MARK = '<img src=x onerror=alert(1)>';
const WRONG_TYPES: unknown[] = [null, 0, -1, 1e308, true, [], [MARK], {}, { [MARK]: MARK }, MARK, 'x'.repeat(5_000)];
const NOT_OBJECTS = ['null', '[]', `"${MARK}"`, '123', 'true', '{', '{"a":', `{"${MARK}":`, '{"a":1}garbage', '\u0000'];

/** The properties of a body schema, through `allOf` where the schema is made of parts. */
const propertiesOf = (schema: Schema): Record<string, Schema> => Object.assign({}, schema.properties ?? {}, ...(schema.allOf ?? []).map(propertiesOf));
const typeOf = (schema: Schema): string | undefined => schema.type ?? schema.anyOf?.find((s) => s.type && s.type !== 'null')?.type;
const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value);

/** Bodies for a route: each property given each value of a type it does not have, and the whole body broken. */
function junkBodies(schema: Schema): string[] {
  const properties = propertiesOf(schema);
  const bodies = NOT_OBJECTS.map((text) => text);
  bodies.push(JSON.stringify(nested(2_000)), JSON.stringify({ list: Array.from({ length: 50_000 }, (_, i) => i) }));
  for (const [name, property] of Object.entries(properties)) {
    const type = typeOf(property);
    for (const value of WRONG_TYPES) {
      if (jsonType(value) === type || (type === 'integer' && typeof value === 'number')) continue;
      bodies.push(JSON.stringify({ ...Object.fromEntries(Object.keys(properties).map((key) => [key, MARK])), [name]: value }));
    }
  }
  return bodies;
}

function nested(depth: number): unknown {
  let value: unknown = MARK;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('junk from the OpenAPI document', () => {
  it('is aimed at every route the app serves', () => {
    const served = new Set(t.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*')).map((r) => `${r.method} ${r.path}`));
    const described = new Set(operations.map((o) => `${o.method} /api${o.path.replaceAll(/\{(\w+)\}/g, ':$1')}`));
    // The document itself is the one route it does not describe.
    expect([...served].filter((route) => !described.has(route) && route !== 'GET /api/openapi.json'), 'routes the OpenAPI document leaves out').toEqual([]);
  });

  it('answers below 500, never repeats it, and changes no record', async () => {
    const before = await snapshotRecords(t.db);
    let requests = 0;
    for (const { method, path, op } of operations) {
      const paths = [path.replaceAll(/\{\w+\}/g, randomUUID()), path.replaceAll(/\{\w+\}/g, encodeURIComponent(MARK))];
      const queries = (op.parameters ?? []).filter((p) => p.in === 'query').flatMap((p) => WRONG_TYPES.map((value) => `${p.name}=${encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))}`));
      const schema = op.requestBody?.content['application/json'].schema;
      const attempts = [
        ...paths.map((p) => ({ url: `/api${p}`, body: undefined as string | undefined })),
        ...queries.map((q) => ({ url: `/api${paths[0]}?${q}`, body: undefined })),
        ...(schema ? junkBodies(schema).map((body) => ({ url: `/api${paths[0]}`, body })) : []),
      ];
      for (const who of [t, rapportör]) {
        for (const attempt of attempts) {
          const response = await who.request(attempt.url, { method, body: attempt.body, headers: attempt.body === undefined ? {} : { 'content-type': 'application/json' } });
          requests++;
          expect(response.status, `${method} ${attempt.url} ${attempt.body?.slice(0, 80) ?? ''}`).toBeLessThan(500);
          const text = await response.text();
          if (response.status >= 400) expect(text, `${method} ${attempt.url}`).not.toContain(MARK);
        }
      }
    }
    expect(requests).toBeGreaterThan(500);
    expect(changedIds(before, await snapshotRecords(t.db))).toEqual([]);
  });
});
