import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { withLatestStatus } from '../db/indicatorStatuses.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { notFound } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

const doc = (summary: string) => describeRoute({ summary, tags: ['plan'], responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } } });

export const planRoutes = new Hono<AppEnv>()
  .get('/', doc('All plans'), async (c) => c.json({ plans: await listRecords(c.var.db, 'plan') }, 200))
  .get('/:id', doc('A plan with its perspectives, focus areas and assignments'), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const plan = await getRecord(c.var.db, 'plan', id);
    if (!plan) return notFound('Planen');
    const [perspectives, focusAreas, assignments] = await Promise.all([
      listRecords(c.var.db, 'perspective', { planId: id }),
      listRecords(c.var.db, 'focusArea', { planId: id }),
      listRecords(c.var.db, 'assignment', { planId: id }),
    ]);
    return c.json({ plan, perspectives, focusAreas, assignments }, 200);
  })
  .get('/:id/goals', doc("A plan's goals"), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getRecord(c.var.db, 'plan', id))) return notFound('Planen');
    return c.json({ goals: await listRecords(c.var.db, 'goal', { planId: id }) }, 200);
  })
  .get('/:id/indicators', doc("A plan's indicators with their latest status"), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getRecord(c.var.db, 'plan', id))) return notFound('Planen');
    const indicators = await listRecords(c.var.db, 'indicator', { planId: id });
    return c.json({ indicators: await withLatestStatus(c.var.db, indicators) }, 200);
  })
  .get('/:id/activities', doc("A plan's activities"), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await getRecord(c.var.db, 'plan', id))) return notFound('Planen');
    return c.json({ activities: await listRecords(c.var.db, 'activity', { planId: id }) }, 200);
  });
