import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';
import { putRecords } from '../db/records.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

describe('GET /api/activities/:id', () => {
  it('returns the activity with its history, newest first', async () => {
    const plan = await importTestPlan(t.db);
    const activity = await plan.byKey('activity', 'webbtidbocker');
    const later = {
      id: randomUUID(),
      activityId: activity.id,
      unitId: activity.unitId,
      authorName: 'Anna Andersson',
      authorId: null,
      createdAt: '2025-03-14T09:30:00.000Z',
      writtenAt: '2025-03-14T09:12:00.000Z',
      fromStatus: 'Försenad' as const,
      toStatus: 'Enligt plan' as const,
      statusParts: null,
      text: 'Avtalet är klart.',
      period: null, conflict: false,
    };
    await t.db.transaction((tx) => putRecords(tx, 'activityUpdate', [later]));

    const { status, body } = await t.json(`/api/activities/${activity.id}`);

    expect(status).toBe(200);
    expect(body.activity).toMatchObject({ id: activity.id, title: 'Webbtidböcker', status: 'Försenad', latestComment: 'Upphandlingen är försenad.' });
    expect(body.updates.map((u: any) => [u.toStatus, u.text])).toEqual([
      ['Enligt plan', 'Avtalet är klart.'],
      ['Försenad', 'Upphandlingen är försenad.'],
    ]);
    // The imported status is dated to the end of the period it was reported for.
    expect(body.updates[1]).toMatchObject({ period: '2024-T1', createdAt: expect.stringMatching(/^2024-04-30T/) });
  });

  it('answers 404 "Aktiviteten finns inte." for an unknown id', async () => {
    expect(await t.json(`/api/activities/${randomUUID()}`)).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Aktiviteten finns inte.' } } });
  });
});
