import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyId } from '@shared/logic/recordIds.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { importDocument, importTestPlan, planDocument } from '../../../tests/fixtures/planDocument.ts';
import { openTestApp, type Requester, type TestApp } from '../../../tests/fixtures/testApp.ts';
import { getRecord } from '../../db/records.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/** A change as a device sends it (the server fills in what the device leaves out). */
const push = async (who: Requester, mutation: { name: Mutation['name']; recordId: string; args: Record<string, unknown> }) => {
  const { body } = await who.json('/api/sync/push', {
    method: 'POST',
    body: JSON.stringify({ deviceId: 'device-closing', mutations: [{ ...mutation, id: randomUUID(), createdAt: new Date().toISOString() }] }),
  });
  return body.results[0] as { id: string; status: string; message?: string };
};

async function world() {
  const doc = planDocument();
  const plan = await importTestPlan(t.db, doc);
  const indicator = await plan.byKey('indicator', 'vardgaranti');
  const goal = await plan.byKey('goal', 'tillganglighet');
  const activity = await plan.byKey('activity', 'webbtidbocker');
  const controller = await t.userWith('controller', indicator.unitId, { name: 'Cecilia Controller' });
  const rapportör = await t.userWith('rapportör', indicator.unitId);
  const close = (period: string) => controller.json(`/api/plans/${plan.planId}/periods/${period}/close`, { method: 'POST' });
  const reopen = (period: string, reason: unknown) => controller.json(`/api/plans/${plan.planId}/periods/${period}/reopen`, { method: 'POST', body: JSON.stringify({ reason }) });
  const outcome = (period: string, value: number) => push(rapportör, { name: 'outcome.set', recordId: indicator.id, args: { period, value, comment: 'Skrivet i källaren.' } });
  return { doc, plan, indicator, goal, activity, controller, rapportör, close, reopen, outcome };
}

describe('closing a report point', () => {
  it('refuses every outcome and assessment dated to it, months inside it too, with who closed it and when', async () => {
    const w = await world();
    const { status, body } = await w.close('2025-T1');
    expect(status).toBe(200);
    expect(body.plan.closures).toEqual([expect.objectContaining({ period: '2025-T1', closedBy: 'Cecilia Controller' })]);

    for (const period of ['2025-T1', '2025-03']) {
      const refused = await w.outcome(period, 88);
      expect(refused.status, period).toBe('rejected');
      expect(refused.message).toMatch(/^Delår 1 2025 stängdes \d{1,2} [a-zåäö]+\.? \d{4} av Cecilia Controller\. Ändringen sparades inte på servern men finns kvar på enheten/);
    }
    const assessed = await push(w.rapportör, { name: 'goalAssessment.set', recordId: w.goal.id, args: { period: '2025-T1', assessment: 'negativ', analysis: 'Sent.' } });
    expect(assessed.status).toBe('rejected');
    // Delår 2 runs January–August: it is not inside Delår 1, and stays open.
    expect((await w.outcome('2025-T2', 87)).status).toBe('applied');
    expect(await t.db.query(`SELECT 1 FROM records WHERE entity = 'outcome' AND data->>'indicatorId' = $1 AND data->>'period' IN ('2025-T1', '2025-03')`, [w.indicator.id])).toEqual([]);
  });

  it('refuses a status written for the closed point that arrives afterwards, and dates a later one to the next point', async () => {
    const w = await world();
    await w.close('2025-T1');
    // Written offline on 10 May 2025, before the deadline of Delår 1, and sent only now.
    const late = await push(w.rapportör, { name: 'activity.update', recordId: w.activity.id, args: { status: 'Klar', text: 'Klart i maj.', baseVersion: w.activity.version, writtenAt: '2025-05-10T08:00:00.000Z' } });
    expect(late.status).toBe('rejected');
    expect(late.message).toContain('Delår 1 2025 stängdes');
    expect((await getRecord(t.db, 'activity', w.activity.id))!.status).toBe('Försenad');

    const now = await push(w.rapportör, { name: 'activity.update', recordId: w.activity.id, args: { status: 'Klar', text: 'Klart nu.', baseVersion: w.activity.version } });
    expect(now.status).toBe('applied');
    const activity = (await getRecord(t.db, 'activity', w.activity.id))!;
    expect(activity.status).toBe('Klar');
    expect(activity.statusPeriod).toBe('2026');
    expect((await getRecord(t.db, 'activityUpdate', historyId(now.id)))!.period).toBe('2026');
  });

  it('does not take a device clock that dates a change after it arrived', async () => {
    const w = await world();
    await w.close('2026');
    const future = await push(w.rapportör, { name: 'activity.update', recordId: w.activity.id, args: { text: 'Från framtiden.', baseVersion: w.activity.version, writtenAt: '2027-06-01T08:00:00.000Z' } });
    expect(future.status).toBe('applied');
    // Dated by when it arrived: the year 2026 is closed, so the comment belongs to the next point, Delår 1 2027.
    expect((await getRecord(t.db, 'activityUpdate', historyId(future.id)))!.period).toBe('2027-T1');
  });

  it('is refused when already closed, reopened only with a reason, and both are in the audit log', async () => {
    const w = await world();
    await w.close('2025-T1');
    const again = await w.close('2025-T1');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Delår 1 2025 är redan stängd.');
    expect((await w.reopen('2025-T1', '  ')).status).toBe(400);
    expect((await w.reopen('2025-T2', 'Fel period.')).body.error.message).toBe('Delår 2 2025 är inte stängd.');

    const opened = await w.reopen('2025-T1', 'Vårdgarantins utfall rättas.');
    expect(opened.status).toBe(200);
    expect(opened.body.plan.closures).toEqual([]);
    expect((await w.outcome('2025-T1', 88)).status).toBe('applied');
    const log = await t.db.query<{ action: string; detail: { period: string; reason?: string } }>(
      `SELECT action, detail FROM audit_log WHERE record_id = $1 AND action LIKE 'period.%' ORDER BY id`,
      [w.plan.planId],
    );
    expect(log.map((l) => [l.action, l.detail.period, l.detail.reason])).toEqual([
      ['period.close', '2025-T1', undefined],
      ['period.reopen', '2025-T1', 'Vårdgarantins utfall rättas.'],
    ]);
  });

  it('names only the plan’s own report points, and only for those who keep the plan', async () => {
    const w = await world();
    expect((await w.close('2031')).status).toBe(404);
    expect((await w.close('2025-T9')).status).toBe(400);
    expect((await w.rapportör.json(`/api/plans/${w.plan.planId}/periods/2025-T1/close`, { method: 'POST' })).status).toBe(403);
    expect((await getRecord(t.db, 'plan', w.plan.planId))!.closures).toEqual([]);
  });

  it('keeps the closure through a new import of the plan, and refuses a file that changes a closed period’s values', async () => {
    const w = await world();
    await w.close('2025-T1');
    await w.outcome('2025-T2', 80);
    const same = { ...w.doc, outcomes: [...w.doc.outcomes!, { indicator: 'vardgaranti', period: '2025-T1', value: '70 %', source: 'manuell' as const }] };
    await expect(importDocument(t.db, same)).rejects.toThrow(/Delår 1 2025 är stängd för ändringar/);
    await importDocument(t.db, { ...w.doc, plan: { ...w.doc.plan, name: 'Nytt namn' } });
    const plan = (await getRecord(t.db, 'plan', w.plan.planId))!;
    expect(plan.name).toBe('Nytt namn');
    expect(plan.closures.map((c) => c.period)).toEqual(['2025-T1']);
  });
});
