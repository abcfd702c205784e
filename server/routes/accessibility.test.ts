import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { AccessibilitySettingsSchema } from '@shared/schemas/accessibility.ts';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';

const CONFIGURED = { organisation: 'Region Exempel', contact: { kind: 'url' as const, url: 'https://region.example/tillganglighet/rapportera' } };

let unconfigured: TestApp;
let configured: TestApp;
let unitId: string;
beforeAll(async () => {
  unconfigured = await openTestApp();
  // The same database behind a second app, started with the installation's facts.
  configured = await openTestApp(unconfigured.db, { settings: { accessibility: CONFIGURED } });
  unitId = (await (await importTestPlan(unconfigured.db)).byKey('activity', 'webbtidbocker')).unitId;
}, 60_000);
afterAll(async () => {
  await unconfigured.close();
});

describe('the installation’s part of the accessibility statement', () => {
  it('says who runs the service and where to report a problem, to anyone, signed in or not', async () => {
    const answer = await configured.anonymous.json('/api/accessibility');
    expect(answer).toEqual({ status: 200, body: CONFIGURED });
    expect(v.is(AccessibilitySettingsSchema, answer.body)).toBe(true);
    const reader = await configured.userWith('läsare', unitId);
    expect((await reader.json('/api/accessibility')).body).toEqual(CONFIGURED);
  });

  it('says nothing it was not given', async () => {
    expect(await unconfigured.anonymous.json('/api/accessibility')).toEqual({ status: 200, body: { organisation: null, contact: null } });
  });
});
