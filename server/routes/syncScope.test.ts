import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { getRecord, putRecords } from '../db/records.ts';
import { loadDemoIfEmpty } from '../demo/loadDemo.ts';

let t: TestApp;
let units: Record<string, string>;

beforeAll(async () => {
  t = await openTestApp();
  await loadDemoIfEmpty(t.db);
  const rows = await t.db.query<{ id: string; key: string }>(`SELECT id, data->>'key' AS key FROM records WHERE entity = 'unit'`);
  units = Object.fromEntries(rows.map((row) => [row.key, row.id]));
});
afterAll(() => t.close());

/** The områden beside BUP's own: records there are not a BUP rapportör's to see. */
async function siblingAreas() {
  const rows = await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'parentId' = $1`, [units['halso-och-sjukvardsforvaltningen']]);
  return rows.map((row) => row.id).filter((id) => id !== units['omrade-psykiatri-medicin-och-narsjukvard']);
}

async function pullAll(requester: { json: TestApp['json'] }, since = 0, scope?: number) {
  const { body } = await requester.json(`/api/sync/pull?since=${since}&limit=5000${scope === undefined ? '' : `&scope=${scope}`}`);
  return body;
}

describe('what a sync pull hands a person', () => {
  it('holds their own units, the steering chain above them, and nothing of sibling units', async () => {
    const bup = await t.userWith('rapportör', units.bup!);
    const { changes } = await pullAll(bup);
    const unitIds = new Set(changes.map((c: any) => c.record?.unitId ?? c.record?.givenToUnitId).filter(Boolean));
    expect(unitIds.has(units.bup)).toBe(true);
    expect(unitIds.has(units['halso-och-sjukvardsforvaltningen'])).toBe(true);
    const siblings = await siblingAreas();
    expect(siblings.length).toBeGreaterThan(2);
    for (const sibling of siblings) expect(unitIds.has(sibling), 'a sibling område leaked').toBe(false);
    expect(changes.filter((c: any) => c.entity === 'plan')).toHaveLength(2);
    expect(changes.some((c: any) => c.entity === 'perspective')).toBe(true);
  });

  it('turns a record that moved out of their units into a removal', async () => {
    const bup = await t.userWith('rapportör', units.bup!);
    const first = await pullAll(bup);
    const [row] = await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'activity' AND unit_id = $1 LIMIT 1`, [units.bup]);
    const activity = (await getRecord(t.db, 'activity', row!.id))!;
    const [elsewhere] = await siblingAreas();
    await t.db.transaction((tx) => putRecords(tx, 'activity', [{ ...activity, unitId: elsewhere! }]));
    const next = await pullAll(bup, first.cursor, first.scope);
    expect(next.changes).toEqual([expect.objectContaining({ entity: 'activity', id: activity.id, deleted: true, record: null })]);
  });

  it('answers two people of the same rights alike, and narrows the same pull at once when a right is taken away', async () => {
    const [row] = await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'indicator' AND unit_id = $1 LIMIT 1`, [units.bup]);
    const [elsewhere] = await siblingAreas();
    await t.db.transaction(async (tx) => putRecords(tx, 'indicator', [{ ...(await getRecord(tx, 'indicator', row!.id))!, unitId: elsewhere! }]));
    const forvaltning = units['halso-och-sjukvardsforvaltningen']!;
    const first = await t.userWith('läsare', forvaltning);
    const second = await t.userWith('läsare', forvaltning);
    const seen = await pullAll(first);
    expect(seen.changes.some((c: any) => c.record?.unitId === elsewhere)).toBe(true);
    expect((await pullAll(second)).changes).toEqual(seen.changes);

    const { body: listed } = await t.json('/api/admin/users');
    const grant = listed.users.find((u: any) => u.id === first.userId).grants[0];
    expect((await t.request(`/api/admin/grants/${grant.id}`, { method: 'DELETE' })).status).toBeLessThan(300);
    await t.json(`/api/admin/users/${first.userId}/grants`, { method: 'POST', body: JSON.stringify({ unitId: units.bup, role: 'läsare' }) });
    const narrowed = await pullAll(first);
    expect(narrowed.changes.some((c: any) => c.record?.unitId === units.bup)).toBe(true);
    expect(narrowed.changes.some((c: any) => c.record?.unitId === elsewhere), 'a unit no longer granted').toBe(false);
    expect((await pullAll(second)).changes, 'the other person keeps what they may read').toEqual(seen.changes);
  });

  it('makes the device start over when the person’s rights change', async () => {
    const reader = await t.userWith('läsare', units.bup!);
    const first = await pullAll(reader);
    expect(first.reset).toBe(false);
    const { status } = await t.json(`/api/admin/users/${reader.userId}/grants`, {
      method: 'POST',
      body: JSON.stringify({ unitId: units['omrade-psykiatri-medicin-och-narsjukvard'], role: 'läsare' }),
    });
    expect(status).toBe(201);
    const next = await pullAll(reader, first.cursor, first.scope);
    expect(next).toMatchObject({ reset: true, changes: [] });
    expect(next.scope).not.toBe(first.scope);
  });
});
