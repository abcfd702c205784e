import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { withLatestStatus } from '../db/indicatorStatuses.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { notFound } from '../lib/errors.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

export const goalRoutes = new Hono<AppEnv>().get(
  '/:id',
  describeRoute({
    summary: 'A goal with its parent, assessments, indicators (with status) and the activities serving it',
    tags: ['plan'],
    responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } },
  }),
  validate('param', IdParamSchema),
  async (c) => {
    const { id } = c.req.valid('param');
    const db = c.var.db;
    const goal = await getRecord(db, 'goal', id);
    if (!goal) return notFound('Målet');
    const [parent, assessments, indicators, activities] = await Promise.all([
      goal.parentId ? getRecord(db, 'goal', goal.parentId) : null,
      listRecords(db, 'goalAssessment', { parentIds: [id] }),
      listRecords(db, 'indicator', { planId: goal.planId }),
      listRecords(db, 'activity', { planId: goal.planId }),
    ]);
    return c.json(
      {
        goal,
        parent,
        assessments,
        indicators: await withLatestStatus(db, indicators.filter((i) => i.goalIds.includes(id))),
        activities: activities.filter((a) => a.goalIds.includes(id)),
      },
      200,
    );
  },
);
