import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { pendingMigrations } from '../db/migrate.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { authorize } from '../lib/authorize.ts';
import { fail } from '../lib/errors.ts';

/** Alive: the process answers. A load balancer's liveness check; it touches nothing. */
export const healthRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({ summary: 'Is the server process up', tags: ['drift'], responses: { 200: { description: 'OK' } } }),
  authorize('public'),
  (c) => c.json({ status: 'ok' as const }, 200),
);

/** Ready: the database answers and has every migration of this release, so requests can be sent here. */
export const readyRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({ summary: 'Can the server take requests: database reachable, migrations applied', tags: ['drift'], responses: { 200: { description: 'Redo' }, 503: { description: 'Inte redo' } } }),
  authorize('public'),
  async (c) => {
    let pending: string[];
    try {
      pending = await pendingMigrations(c.var.db);
    } catch {
      return fail(503, 'not_ready', 'Databasen svarar inte.');
    }
    if (pending.length > 0) return fail(503, 'not_ready', `Databasen saknar ${pending.length === 1 ? 'en migrering' : `${pending.length} migreringar`} (${pending.join(', ')}).`);
    return c.json({ status: 'ready' as const, database: c.var.db.kind }, 200);
  },
);
