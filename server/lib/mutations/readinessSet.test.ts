import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readinessId } from '@shared/logic/recordIds.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { importTestPlan } from '../../../tests/fixtures/planDocument.ts';
import { openTestApp, type Requester, type TestApp } from '../../../tests/fixtures/testApp.ts';
import { getRecord } from '../../db/records.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

const push = async (who: Requester, mutation: { recordId: string; args: Record<string, unknown> }) => {
  const { body } = await who.json('/api/sync/push', {
    method: 'POST',
    body: JSON.stringify({ deviceId: 'device-readiness', mutations: [{ ...mutation, name: 'readiness.set' satisfies Mutation['name'], id: randomUUID(), createdAt: new Date().toISOString() }] }),
  });
  return body.results[0] as { status: string; message?: string };
};

describe('Klar för rapport', () => {
  it('is a unit’s own word for one report point, taken back until the point closes, and kept by whoever read the unit', async () => {
    const plan = await importTestPlan(t.db);
    const { unitId } = await plan.byKey('activity', 'webbtidbocker');
    const rapportör = await t.userWith('rapportör', unitId, { name: 'Rut Rapportör' });
    const läsare = await t.userWith('läsare', unitId);
    const controller = await t.userWith('controller', unitId);
    const id = readinessId(plan.planId, unitId, '2025-T1');

    expect(await push(rapportör, { recordId: unitId, args: { planId: plan.planId, period: '2025-T1', ready: true } })).toMatchObject({ status: 'applied' });
    expect(await getRecord(t.db, 'readiness', id)).toMatchObject({ unitId, period: '2025-T1', ready: true, markedBy: 'Rut Rapportör' });
    const pulled = await läsare.json('/api/sync/pull?since=0');
    expect(pulled.body.changes.filter((c: { entity: string }) => c.entity === 'readiness').map((c: { id: string }) => c.id)).toContain(id);

    expect(await push(läsare, { recordId: unitId, args: { planId: plan.planId, period: '2025-T1', ready: false } })).toMatchObject({ status: 'rejected' });
    expect(await push(rapportör, { recordId: unitId, args: { planId: plan.planId, period: '2025-03', ready: true } })).toMatchObject({ status: 'rejected', message: 'Perioden är inget rapporteringstillfälle i planen.' });
    expect(await push(rapportör, { recordId: unitId, args: { planId: plan.planId, period: '2025-T1', ready: false } })).toMatchObject({ status: 'applied' });
    expect((await getRecord(t.db, 'readiness', id))?.ready).toBe(false);

    expect((await controller.json(`/api/plans/${plan.planId}/periods/2025-T1/close`, { method: 'POST' })).status).toBe(200);
    const late = await push(rapportör, { recordId: unitId, args: { planId: plan.planId, period: '2025-T1', ready: true } });
    expect(late.status).toBe('rejected');
    expect(late.message).toMatch(/^Delår 1 2025 stängdes/);
    expect((await getRecord(t.db, 'readiness', id))?.ready).toBe(false);
  });
});
