import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { koladaValueId, outcomeId } from '@shared/logic/recordIds.ts';
import { importTestPlan } from '../../../tests/fixtures/planDocument.ts';
import { startKoladaFixture, type FixtureValue, type KoladaFixture } from '../../../tests/fixtures/koladaServer.ts';
import { openTestApp, type TestApp } from '../../../tests/fixtures/testApp.ts';
import { currentSeq, getRecord } from '../../db/records.ts';
import { KoladaClient } from './koladaClient.ts';
import { fetchKolada } from './fetchKolada.ts';

let t: TestApp;
let kolada: KoladaFixture;
beforeAll(async () => {
  t = await openTestApp();
  kolada = await startKoladaFixture();
});
afterAll(async () => {
  await kolada.close();
  await t.close();
});

const UA = 'Malbild/0.1 (test; kontakt: it@region.test)';
const client = (timeoutMs = 2_000) => new KoladaClient({ baseUrl: kolada.url, userAgent: UA, timeoutMs, spacingMs: 0, retries: 2 });
const genders = (t: number | null, k: number | null = null, m: number | null = null): FixtureValue[] => [
  { gender: 'T', value: t, status: t === null ? 'Missing' : '' },
  { gender: 'K', value: k, status: k === null ? 'Missing' : '' },
  { gender: 'M', value: m, status: m === null ? 'Missing' : '' },
];

/** A plan whose organisation is Region Västmanland in Kolada, compared with Uppsala and Örebro, with indicators linked to KPIs. */
async function mappedPlan(kpis: Record<string, string>) {
  const plan = await importTestPlan(t.db);
  await t.db.query(`UPDATE records SET data = jsonb_set(data, '{kolada}', $2::jsonb) WHERE id = $1`, [plan.planId, JSON.stringify({ areaId: '0019', peerIds: ['0003', '0018'] })]);
  const ids: Record<string, string> = {};
  for (const [key, kpi] of Object.entries(kpis)) {
    const indicator = await plan.byKey('indicator', key);
    await t.db.query(`UPDATE records SET data = jsonb_set(data, '{source}', $2::jsonb) WHERE id = $1`, [indicator.id, JSON.stringify({ kind: 'kolada', koladaKpi: kpi, name: 'Kolada' })]);
    ids[key] = indicator.id;
  }
  return { plan, ids };
}

beforeEach(async () => {
  // Each test's plan is its own; earlier runs are finished so each test claims a run of its own.
  await t.db.query('UPDATE kolada_runs SET running = false, finished_at = now() WHERE running');
  kolada.requests.length = 0;
  kolada.pageSize = 5000;
  kolada.kpis.splice(0, kolada.kpis.length, { id: 'U72552', title: 'BUP, förstabesök inom 90 dagar, andel (%)', municipality_type: 'L', is_divided_by_gender: 1 }, { id: 'N79240', title: 'Väntetid till första besök, median (dagar)', municipality_type: 'L', is_divided_by_gender: 0 });
  for (const [area, values] of [['0019', [51.3, 50, 52.6]], ['0000', [60.1, 59, 61.2]], ['0003', [70, 69, 71]], ['0018', [45.5, 44, 47]]] as const) {
    kolada.set('U72552', area, 2024, genders(values[0], values[1], values[2]));
    kolada.set('U72552', area, 2025, genders(area === '0019' ? null : values[0] + 1));
    kolada.set('N79240', area, 2024, genders(30));
  }
});

describe('fetching from Kolada', () => {
  it('finds KPIs by title in the catalogue', async () => {
    expect((await client().searchKpis('bup')).map((k) => k.id)).toEqual(['U72552']);
  });

  it('stores the region’s, Riket’s and the peers’ values, an outcome where nobody entered one, and never a person’s value', async () => {
    const { plan, ids } = await mappedPlan({ vardgaranti: 'U72552' });
    const indicatorId = ids.vardgaranti!;
    const rapportör = await t.userWith('rapportör', (await plan.byKey('indicator', 'vardgaranti')).unitId);
    const mutation = { id: randomUUID(), name: 'outcome.set', recordId: indicatorId, createdAt: new Date().toISOString(), args: { period: '2024', value: 48, comment: 'Egen mätning.' } };
    await rapportör.json('/api/sync/push', { method: 'POST', body: JSON.stringify({ deviceId: 'device-kolada', mutations: [mutation] }) });
    const manual = await getRecord(t.db, 'outcome', outcomeId(indicatorId, '2024', null, 'T'));

    const run = await fetchKolada(t.db, client(), { startedBy: 'test', planId: plan.planId });
    expect(run?.indicators).toEqual([expect.objectContaining({ indicatorId, outcome: 'fetched', missing: 1 })]);
    expect(await getRecord(t.db, 'koladaValue', koladaValueId(indicatorId, '2024', 'T'))).toMatchObject({ value: 51.3, nationalAverage: 60.1, kpi: 'U72552', areaId: '0019', peers: [{ areaId: '0003', value: 70 }, { areaId: '0018', value: 45.5 }] });
    expect(await getRecord(t.db, 'koladaValue', koladaValueId(indicatorId, '2025', 'T'))).toMatchObject({ value: null, status: 'Missing', nationalAverage: 61.1 });
    expect(await getRecord(t.db, 'outcome', outcomeId(indicatorId, '2024', null, 'T')), 'the person’s outcome stands as it was').toEqual(manual);
    expect(await getRecord(t.db, 'outcome', outcomeId(indicatorId, '2025', null, 'T')), 'no number, no outcome').toBeNull();
    expect(kolada.requests.every((r) => r.userAgent === UA)).toBe(true);

    // Nothing new: nothing written.
    const seq = await currentSeq(t.db);
    await fetchKolada(t.db, client(), { startedBy: 'test', planId: plan.planId });
    expect(await currentSeq(t.db)).toBe(seq);

    // Kolada revises 2024 and fills in 2025: the Kolada values move (audited), the person's outcome does not.
    kolada.set('U72552', '0019', 2024, genders(51.8, 50, 52.6));
    kolada.set('U72552', '0019', 2025, genders(49.9));
    await fetchKolada(t.db, client(), { startedBy: 'test', planId: plan.planId });
    expect((await getRecord(t.db, 'koladaValue', koladaValueId(indicatorId, '2024', 'T')))?.value).toBe(51.8);
    expect(await getRecord(t.db, 'outcome', outcomeId(indicatorId, '2024', null, 'T'))).toEqual(manual);
    expect(await getRecord(t.db, 'outcome', outcomeId(indicatorId, '2025', null, 'T'))).toMatchObject({ value: 49.9, source: 'kolada', nationalAverage: 61.1 });
    const audit = await t.db.query<{ detail: { from: number; to: number } }>(`SELECT detail FROM audit_log WHERE action = 'kolada.revise' AND record_id = $1`, [koladaValueId(indicatorId, '2024', 'T')]);
    expect(audit.map((a) => [a.detail.from, a.detail.to])).toEqual([[51.3, 51.8]]);
  });

  it('splits more than 25 areas across requests and follows next_url through every page', async () => {
    const { plan } = await mappedPlan({ vardgaranti: 'U72552' });
    const peers = Array.from({ length: 30 }, (_, i) => `00${String(i + 30).padStart(2, '0')}`);
    await t.db.query(`UPDATE records SET data = jsonb_set(data, '{kolada,peerIds}', $2::jsonb) WHERE id = $1`, [plan.planId, JSON.stringify(peers.slice(0, 20))]);
    for (const peer of peers) kolada.set('U72552', peer, 2024, genders(10));
    kolada.pageSize = 2;
    await fetchKolada(t.db, client(), { startedBy: 'test', planId: plan.planId });
    expect(kolada.requests.some((r) => r.path.includes('/data/') && /[?&]page=2/.test(r.path))).toBe(true);
    // A plan's own area, Riket and its peers fit one request; a longer list is split in Kolada's 25s.
    kolada.requests.length = 0;
    const rows = await client().data('U72552', peers, [2024]);
    expect(rows).toHaveLength(30);
    const areaLists = kolada.requests.filter((r) => !/[?&]page=/.test(r.path)).map((r) => r.path.split('/municipality/')[1]!.split('/')[0]!.split(',').length);
    expect(areaLists.sort()).toEqual([25, 5]);
    const stored = await t.db.query<{ data: { peers: { value: number | null }[] } }>(`SELECT data FROM records WHERE entity = 'koladaValue' AND plan_id = $1 AND data->>'period' = '2024' AND data->>'gender' = 'T'`, [plan.planId]);
    expect(stored[0]!.data.peers.filter((p) => p.value === 10)).toHaveLength(20);
  });

  it('rides out 429 and 500, and reports a timeout, a malformed answer and a withdrawn KPI per indicator without stopping the others', async () => {
    const { plan, ids } = await mappedPlan({ vardgaranti: 'U72552', hyrlakare: 'N79240' });
    kolada.fail(/\/data\/kpi\/U72552\//, '429');
    kolada.fail(/\/data\/kpi\/N79240\//, '500');
    const ok = await fetchKolada(t.db, client(), { startedBy: 'test', planId: plan.planId });
    expect(ok?.indicators.map((i) => i.outcome).sort()).toEqual(['fetched', 'fetched']);

    kolada.fail(/\/data\/kpi\/U72552\//, 'hang', 3);
    kolada.fail(/\/data\/kpi\/N79240\//, 'malformed', 3);
    const faulty = await fetchKolada(t.db, client(300), { startedBy: 'test', planId: plan.planId });
    const byId = new Map(faulty!.indicators.map((i) => [i.indicatorId, i]));
    expect(byId.get(ids.vardgaranti!)).toMatchObject({ outcome: 'failed', message: 'Kolada svarade inte i tid.' });
    expect(byId.get(ids.hyrlakare!)).toMatchObject({ outcome: 'failed', message: 'Kolada svarade med något som inte går att läsa.' });
    expect((await getRecord(t.db, 'koladaValue', koladaValueId(ids.vardgaranti!, '2024', 'T')))?.value, 'what was fetched before stays').toBe(51.3);

    kolada.kpis.splice(kolada.kpis.findIndex((k) => k.id === 'N79240'), 1);
    const withdrawn = await fetchKolada(t.db, client(), { startedBy: 'test', planId: plan.planId });
    expect(withdrawn!.indicators.find((i) => i.indicatorId === ids.hyrlakare)).toMatchObject({ outcome: 'withdrawn', message: expect.stringContaining('N79240 finns inte längre i Kolada') });
    expect((await getRecord(t.db, 'koladaValue', koladaValueId(ids.hyrlakare!, '2024', 'T')))?.value).toBe(30);
    expect(kolada.peakConcurrency).toBeLessThanOrEqual(2);
  });

  it('runs once at a time across processes, and a run cut short is resumed where it stopped', async () => {
    const { plan, ids } = await mappedPlan({ vardgaranti: 'U72552', hyrlakare: 'N79240' });
    const [a, b] = await Promise.all([fetchKolada(t.db, client(), { startedBy: 'a', planId: plan.planId }), fetchKolada(t.db, client(), { startedBy: 'b', planId: plan.planId })]);
    expect([a, b].filter((run) => run === null)).toHaveLength(1);

    // A process died after the first indicator: its run is left open and goes quiet.
    const runId = randomUUID();
    const done = { indicatorId: ids.vardgaranti, name: 'x', kpi: 'U72552', outcome: 'fetched', written: 0, missing: 0, message: null };
    await t.db.query(`INSERT INTO kolada_runs (id, started_by, heartbeat_at, report) VALUES ($1, 'död process', now() - interval '10 minutes', $2::jsonb)`, [runId, JSON.stringify({ indicators: [done] })]);
    kolada.requests.length = 0;
    const resumed = await fetchKolada(t.db, client(), { startedBy: 'c', planId: plan.planId });
    expect(resumed?.id).toBe(runId);
    expect(resumed?.indicators.map((i) => i.indicatorId)).toEqual([ids.vardgaranti, ids.hyrlakare]);
    expect(kolada.requests.some((r) => r.path.includes('/data/kpi/U72552/'))).toBe(false);
  });
});
