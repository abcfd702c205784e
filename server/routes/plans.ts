import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { withLatestStatus } from '../db/indicatorStatuses.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { notFound } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

const doc = (summary: string) => describeRoute({ summary, tags: ['plan'], responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } } });

/** The plan behind `:id` if the signed-in person may read it, and the units whose records they may see. */
async function readablePlan(c: Context<AppEnv>, id: string) {
  const access = accessOf(c);
  const plan = await getRecord(c.var.db, 'plan', id);
  if (!plan || !access.canRead(plan.unitId)) return notFound('Planen');
  return { plan, readableUnitIds: access.readableUnitIds };
}

export const planRoutes = new Hono<AppEnv>()
  .get('/', doc('The plans the signed-in person may read'), authorize('signedIn'), async (c) =>
    c.json({ plans: await listRecords(c.var.db, 'plan', { readableUnitIds: accessOf(c).readableUnitIds }) }, 200),
  )
  .get('/:id', doc('A plan with its perspectives, focus areas and assignments'), authorize('signedIn'), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const { plan, readableUnitIds } = await readablePlan(c, id);
    const [perspectives, focusAreas, assignments] = await Promise.all([
      listRecords(c.var.db, 'perspective', { planId: id }),
      listRecords(c.var.db, 'focusArea', { planId: id }),
      listRecords(c.var.db, 'assignment', { planId: id, readableUnitIds }),
    ]);
    return c.json({ plan, perspectives, focusAreas, assignments }, 200);
  })
  .get('/:id/goals', doc("A plan's goals"), authorize('signedIn'), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const { readableUnitIds } = await readablePlan(c, id);
    return c.json({ goals: await listRecords(c.var.db, 'goal', { planId: id, readableUnitIds }) }, 200);
  })
  .get('/:id/indicators', doc("A plan's indicators with their latest status"), authorize('signedIn'), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const { readableUnitIds } = await readablePlan(c, id);
    const indicators = await listRecords(c.var.db, 'indicator', { planId: id, readableUnitIds });
    return c.json({ indicators: await withLatestStatus(c.var.db, indicators) }, 200);
  })
  .get('/:id/activities', doc("A plan's activities"), authorize('signedIn'), validate('param', IdParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const { readableUnitIds } = await readablePlan(c, id);
    return c.json({ activities: await listRecords(c.var.db, 'activity', { planId: id, readableUnitIds }) }, 200);
  });
