import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { GoalAssessmentSetArgsSchema } from '@shared/mutations/goalAssessmentSet.ts';
import { withLatestStatus } from '../db/indicatorStatuses.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { notFound } from '../lib/errors.ts';
import { respondToMutation } from '../lib/mutations/respond.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

export const goalRoutes = new Hono<AppEnv>()
  .get(
    '/:id',
    describeRoute({
      summary: 'A goal with its parent, assessments, indicators (with status) and the activities serving it',
      tags: ['plan'],
      responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } },
    }),
    authorize('signedIn'),
    validate('param', IdParamSchema),
    async (c) => {
      const { id } = c.req.valid('param');
      const db = c.var.db;
      const { readableUnitIds } = accessOf(c);
      const goal = await getRecord(db, 'goal', id);
      if (!goal || !readableUnitIds.has(goal.unitId)) return notFound('Målet');
      const [parent, assessments, indicators, activities] = await Promise.all([
        goal.parentId ? getRecord(db, 'goal', goal.parentId) : null,
        listRecords(db, 'goalAssessment', { parentIds: [id], readableUnitIds }),
        listRecords(db, 'indicator', { planId: goal.planId, readableUnitIds }),
        listRecords(db, 'activity', { planId: goal.planId, readableUnitIds }),
      ]);
      return c.json(
        {
          goal,
          parent: parent && readableUnitIds.has(parent.unitId) ? parent : null,
          assessments,
          indicators: await withLatestStatus(db, indicators.filter((i) => i.goalIds.includes(id))),
          activities: activities.filter((a) => a.goalIds.includes(id)),
        },
        200,
      );
    },
  )
  .put(
    '/:id/assessments',
    describeRoute({
      summary: "Set the goal's assessment and analysis for a period (rapportör of the goal's unit)",
      tags: ['rapportering'],
      responses: { 200: { description: 'Sparad' }, 403: { description: 'Ingen behörighet' }, 409: { description: 'Konflikt' } },
    }),
    authorize('write'),
    validate('param', IdParamSchema),
    validate('json', GoalAssessmentSetArgsSchema),
    async (c) => {
      const { id } = c.req.valid('param');
      return respondToMutation(c, 'assessment', { name: 'goalAssessment.set', recordId: id, args: c.req.valid('json') }, 200);
    },
  );
