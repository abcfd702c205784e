import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health and readiness', () => {
  it('is ready with every migration applied, and says which is missing when one is not', async () => {
    expect(await t.anonymous.json('/api/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
    const [latest] = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1');
    await t.db.query('DELETE FROM schema_migrations WHERE name = $1', [latest!.name]);
    // 503 is what a load balancer takes as "send elsewhere"; the test's requesters refuse any 5xx, so the app is asked directly.
    const notReady = await t.app.request('/api/ready');
    expect(notReady.status).toBe(503);
    expect(((await notReady.json()) as { error: { message: string } }).error.message).toBe(`Databasen saknar en migrering (${latest!.name}).`);
    expect((await t.anonymous.request('/api/health')).status).toBe(200);
    await t.db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [latest!.name]);
    expect((await t.anonymous.json('/api/ready')).status).toBe(200);
  });
});
