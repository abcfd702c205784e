import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { indicatorStatus } from '@shared/logic/indicatorStatus.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { notFound } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

export const indicatorRoutes = new Hono<AppEnv>().get(
  '/:id',
  describeRoute({
    summary: 'An indicator with all its outcomes and its latest status',
    tags: ['plan'],
    responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } },
  }),
  validate('param', IdParamSchema),
  async (c) => {
    const { id } = c.req.valid('param');
    const indicator = await getRecord(c.var.db, 'indicator', id);
    if (!indicator) return notFound('Indikatorn');
    const outcomes = await listRecords(c.var.db, 'outcome', { parentIds: [id] });
    return c.json({ indicator, outcomes, latest: indicatorStatus(indicator, outcomes) }, 200);
  },
);
