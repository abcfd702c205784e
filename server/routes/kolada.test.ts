import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koladaValueId, outcomeId } from '@shared/logic/recordIds.ts';
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
    const controller = await t.userWith('controller', indicator.unitId, { name: 'Cecilia Controller' });

    const found = await controller.json('/api/kolada/kpis?title=förstabesök');
    expect(found.body).toMatchObject({ reached: true, kpis: [{ id: 'U72552' }] });
    const wrongId = await controller.json(`/api/indicators/${indicator.id}/kolada`, { method: 'PUT', body: JSON.stringify({ kpi: 'BUP90' }) });
    expect(wrongId.status).toBe(400);
    expect(wrongId.body.error.message).toContain('N71019');
    const linked = await controller.json(`/api/indicators/${indicator.id}/kolada`, { method: 'PUT', body: JSON.stringify({ kpi: 'U72552' }) });
    expect(linked.body.indicator.source).toMatchObject({ kind: 'kolada', koladaKpi: 'U72552' });
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

    // A person enters 48 for the same year: it stays the outcome; the controller lets Kolada's 51,3 count instead, and back.
    const fromKolada = await getRecord(t.db, 'outcome', outcomeId(indicator.id, '2025', null, 'T'));
    expect(fromKolada).toMatchObject({ value: 51.3, source: 'kolada' });
    const body = { period: '2025', value: 48, comment: 'Egen mätning.', baseVersion: fromKolada!.version };
    const entered = await controller.json(`/api/indicators/${indicator.id}/outcomes`, { method: 'PUT', body: JSON.stringify(body) });
    expect(entered.status).toBe(200);
    const valueId = koladaValueId(indicator.id, '2025', 'T');
    expect((await controller.json(`/api/kolada/values/${valueId}`, { method: 'PUT', body: JSON.stringify({ counts: 'ja' }) })).status).toBe(400);
    const chosen = await controller.json(`/api/kolada/values/${valueId}`, { method: 'PUT', body: JSON.stringify({ counts: true }) });
    expect(chosen.body.value).toMatchObject({ value: 51.3, counts: true });
    const outcomeOf2025 = () => getRecord(t.db, 'outcome', outcomeId(indicator.id, '2025', null, 'T'));
    expect(await outcomeOf2025()).toMatchObject({ value: 48, source: 'manuell' });
    // Kolada revises its value: the choice holds and the person's outcome is still theirs.
    kolada.set('U72552', '0019', 2025, [{ gender: 'T', value: 52, status: '' }]);
    await controller.json(`/api/plans/${plan.planId}/kolada/fetch`, { method: 'POST' });
    await expect.poll(async () => (await getRecord(t.db, 'koladaValue', valueId))?.value, { timeout: 10_000 }).toBe(52);
    expect(await getRecord(t.db, 'koladaValue', valueId)).toMatchObject({ counts: true });
    expect(await outcomeOf2025()).toMatchObject({ value: 48, source: 'manuell' });
    await controller.json(`/api/kolada/values/${valueId}`, { method: 'PUT', body: JSON.stringify({ counts: false }) });
    const choices = await t.db.query<{ detail: { counts: boolean } }>(`SELECT detail FROM audit_log WHERE action = 'kolada.choose' AND record_id = $1 ORDER BY id`, [valueId]);
    expect(choices.map((c) => c.detail.counts)).toEqual([true, false]);

    const unlinked = await controller.json(`/api/indicators/${indicator.id}/kolada`, { method: 'PUT', body: JSON.stringify({ kpi: null }) });
    expect(unlinked.body.indicator.source.koladaKpi).toBeNull();
    expect(await getRecord(t.db, 'koladaValue', koladaValueId(indicator.id, '2025', 'T'))).toMatchObject({ value: 52 });
    const links = await t.db.query<{ detail: unknown }>(`SELECT detail FROM audit_log WHERE action = 'indicator.kolada' AND record_id = $1 ORDER BY id`, [indicator.id]);
    expect(links.map((l) => l.detail)).toEqual([{ from: null, to: 'U72552' }, { from: 'U72552', to: null }]);
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
