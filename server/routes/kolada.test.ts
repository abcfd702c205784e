import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koladaValueId } from '@shared/logic/recordIds.ts';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';
import { startKoladaFixture, type KoladaFixture } from '../../tests/fixtures/koladaServer.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { getRecord } from '../db/records.ts';
import { KoladaClient } from '../lib/kolada/koladaClient.ts';

let t: TestApp;
let offline: TestApp;
let kolada: KoladaFixture;
beforeAll(async () => {
  kolada = await startKoladaFixture();
  t = await openTestApp(undefined, { kolada: new KoladaClient({ baseUrl: kolada.url, userAgent: 'Malbild-test', spacingMs: 0 }) });
  offline = await openTestApp();
});
afterAll(async () => {
  await kolada.close();
  await t.close();
  await offline.close();
});

describe('Kolada for a controller', () => {
  it('searches the catalogue, sets the plan’s area and peers, and fetches in the background with progress to follow', async () => {
    kolada.kpis.push({ id: 'U72552', title: 'BUP, förstabesök inom 90 dagar, andel (%)' });
    kolada.set('U72552', '0019', 2025, [{ gender: 'T', value: 51.3, status: '' }]);
    kolada.set('U72552', '0000', 2025, [{ gender: 'T', value: 60.1, status: '' }]);
    const plan = await importTestPlan(t.db);
    const indicator = await plan.byKey('indicator', 'vardgaranti');
    await t.db.query(`UPDATE records SET data = jsonb_set(data, '{source}', $2::jsonb) WHERE id = $1`, [indicator.id, JSON.stringify({ kind: 'kolada', koladaKpi: 'U72552', name: null })]);
    const controller = await t.userWith('controller', indicator.unitId, { name: 'Cecilia Controller' });

    const found = await controller.json('/api/kolada/kpis?title=förstabesök');
    expect(found.body).toMatchObject({ reached: true, kpis: [{ id: 'U72552' }] });
    expect((await controller.json(`/api/plans/${plan.planId}/kolada/fetch`, { method: 'POST' })).body.error.message).toMatch(/^Ange först vilket Kolada-id/);
    const bad = await controller.json(`/api/plans/${plan.planId}/kolada`, { method: 'PUT', body: JSON.stringify({ areaId: 'Västmanland', peerIds: [] }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('fyra siffror');
    const set = await controller.json(`/api/plans/${plan.planId}/kolada`, { method: 'PUT', body: JSON.stringify({ areaId: '0019', peerIds: ['0003', '0019', '0003'] }) });
    expect(set.body.plan.kolada).toEqual({ areaId: '0019', peerIds: ['0003'] });

    const started = await controller.json(`/api/plans/${plan.planId}/kolada/fetch`, { method: 'POST' });
    expect(started.status).toBe(202);
    expect(started.body.run).toMatchObject({ running: true, startedBy: 'Cecilia Controller' });
    await expect.poll(async () => (await controller.json('/api/kolada/run')).body.run.running, { timeout: 10_000 }).toBe(false);
    expect((await controller.json('/api/kolada/run')).body.run.indicators).toEqual([expect.objectContaining({ indicatorId: indicator.id, outcome: 'fetched', written: 1 })]);
    expect(await getRecord(t.db, 'koladaValue', koladaValueId(indicator.id, '2025', 'T'))).toMatchObject({ value: 51.3, nationalAverage: 60.1 });
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'plan.kolada' AND record_id = $1`, [plan.planId]);
    expect(audit).toHaveLength(1);
  });

  it('says so when Kolada is out of reach, and the app goes on', async () => {
    const plan = await importTestPlan(offline.db);
    const controller = await offline.userWith('controller', (await plan.byKey('indicator', 'vardgaranti')).unitId);
    const { status, body } = await controller.json('/api/kolada/kpis?title=bup');
    expect(status).toBe(200);
    expect(body).toMatchObject({ reached: false, kpis: [] });
    expect(body.message).toMatch(/^Kolada går inte att nå just nu/);
  });
});
