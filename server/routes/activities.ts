import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { ActivityUpdateRequestSchema } from '@shared/mutations/activityUpdate.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { notFound } from '../lib/errors.ts';
import { respondToMutation } from '../lib/mutations/respond.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

export const activityRoutes = new Hono<AppEnv>()
  .get(
    '/:id',
    describeRoute({
      summary: 'An activity with its whole history, newest first',
      tags: ['plan'],
      responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } },
    }),
    authorize('signedIn'),
    validate('param', IdParamSchema),
    async (c) => {
      const { id } = c.req.valid('param');
      const activity = await getRecord(c.var.db, 'activity', id);
      if (!activity || !accessOf(c).canRead(activity.unitId)) return notFound('Aktiviteten');
      const updates = await listRecords(c.var.db, 'activityUpdate', { parentIds: [id] });
      updates.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.seq - a.seq);
      return c.json({ activity, updates }, 200);
    },
  )
  .post(
    '/:id/updates',
    describeRoute({
      summary: 'Set the status and/or add a comment (rapportör of the activity’s unit); kept in the history',
      tags: ['rapportering'],
      responses: { 201: { description: 'Sparad' }, 403: { description: 'Ingen behörighet' }, 409: { description: 'Konflikt' } },
    }),
    authorize('write'),
    validate('param', IdParamSchema),
    validate('json', ActivityUpdateRequestSchema),
    async (c) => {
      const { id } = c.req.valid('param');
      const { id: updateId, ...args } = c.req.valid('json');
      return respondToMutation(c, 'activity', { id: updateId, name: 'activity.update', recordId: id, args }, 201);
    },
  );
