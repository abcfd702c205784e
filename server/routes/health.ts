import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AppEnv } from '../lib/appEnv.ts';
import { authorize } from '../lib/authorize.ts';

export const healthRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({ summary: 'Is the server up and its database reachable', tags: ['drift'], responses: { 200: { description: 'OK' } } }),
  authorize('public'),
  async (c) => {
    await c.var.db.query('SELECT 1');
    return c.json({ status: 'ok' as const, database: c.var.db.kind }, 200);
  },
);
