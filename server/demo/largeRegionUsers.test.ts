import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/fixtures/testDb.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { importLargeRegion, LARGE_REGION, type RegionSize } from './largeRegion.ts';
import { createRegionAccounts, REGION_PASSWORD, regionAccounts } from './largeRegionUsers.ts';

const SMALL: RegionSize = { forvaltningar: 2, verksamheterPer: 2, plansPerForvaltning: 1, goalsPerPlan: 3, indicatorsPerPlan: 4, activitiesPerPlan: 5, extraUpdatesPerActivity: 1 };

let t: TestApp;
// Opening a database can take a while on a busy machine.
beforeAll(async () => {
  const db = await openTestDatabase();
  await importLargeRegion(db, SMALL);
  await createRegionAccounts(db, SMALL);
  t = await openTestApp(db);
}, 60_000);
afterAll(() => t.close());

describe('the large region’s people', () => {
  it('are about 500 for the full region, each e-mail once', () => {
    const accounts = regionAccounts(LARGE_REGION);
    expect(accounts).toHaveLength(501);
    expect(new Set(accounts.map((a) => a.email)).size).toBe(501);
  });

  it('sign in with the region password and write where their grant says', async () => {
    const login = await t.anonymous.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'forv-02-vh-1-3@storland.example', password: REGION_PASSWORD }) });
    expect(login.status).toBe(200);
    const { body } = await t.withCookie(login.headers.get('set-cookie')!.split(';')[0]!).json('/api/auth/me');
    const [unit] = await t.db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'unit' AND data->>'key' = 'forv-02-vh-1'`);
    expect(body.user.writableUnitIds).toEqual([unit!.id]);
  });

  it('have a nämnd that reads and writes nothing', async () => {
    const login = await t.anonymous.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'namnd-3@storland.example', password: REGION_PASSWORD }) });
    const { body } = await t.withCookie(login.headers.get('set-cookie')!.split(';')[0]!).json('/api/auth/me');
    expect(body.user.writableUnitIds).toEqual([]);
    expect(body.user.grants).toEqual([expect.objectContaining({ role: 'läsare' })]);
  });
});
