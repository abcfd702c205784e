import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { notFound } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

export const activityRoutes = new Hono<AppEnv>().get(
  '/:id',
  describeRoute({
    summary: 'An activity with its whole history, newest first',
    tags: ['plan'],
    responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } },
  }),
  validate('param', IdParamSchema),
  async (c) => {
    const { id } = c.req.valid('param');
    const activity = await getRecord(c.var.db, 'activity', id);
    if (!activity) return notFound('Aktiviteten');
    const updates = await listRecords(c.var.db, 'activityUpdate', { parentIds: [id] });
    updates.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq);
    return c.json({ activity, updates }, 200);
  },
);
