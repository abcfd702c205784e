import { afterAll, describe, expect, it } from 'vitest';
import { AccessibilitySettingsSchema } from '@shared/schemas/accessibility.ts';
import * as v from 'valibot';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';

const opened: TestApp[] = [];
afterAll(async () => {
  await Promise.all(opened.map((app) => app.close()));
});
async function appWith(accessibility?: v.InferOutput<typeof AccessibilitySettingsSchema>) {
  const app = await openTestApp(undefined, accessibility ? { settings: { accessibility } } : {});
  opened.push(app);
  return app;
}

describe('the installation’s part of the accessibility statement', () => {
  it('says who runs the service and where to report a problem, to anyone, signed in or not', async () => {
    const t = await appWith({ organisation: 'Region Exempel', contact: { kind: 'url', url: 'https://region.example/tillganglighet/rapportera' } });
    const answer = await t.anonymous.json('/api/accessibility');
    expect(answer).toEqual({ status: 200, body: { organisation: 'Region Exempel', contact: { kind: 'url', url: 'https://region.example/tillganglighet/rapportera' } } });
    expect(v.is(AccessibilitySettingsSchema, answer.body)).toBe(true);
    const plan = await importTestPlan(t.db);
    const reader = await t.userWith('läsare', (await plan.byKey('activity', 'webbtidbocker')).unitId);
    expect((await reader.json('/api/accessibility')).body).toEqual(answer.body);
  });

  it('says nothing it was not given', async () => {
    const t = await appWith();
    expect(await t.anonymous.json('/api/accessibility')).toEqual({ status: 200, body: { organisation: null, contact: null } });
  });
});
