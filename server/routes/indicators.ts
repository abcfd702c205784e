import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import { indicatorStatus } from '@shared/logic/indicatorStatus.ts';
import { OutcomeSetArgsSchema } from '@shared/mutations/outcomeSet.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { notFound } from '../lib/errors.ts';
import { respondToMutation } from '../lib/mutations/respond.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';

export const indicatorRoutes = new Hono<AppEnv>()
  .get(
    '/:id',
    describeRoute({
      summary: 'An indicator with all its outcomes and its latest status',
      tags: ['plan'],
      responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } },
    }),
    authorize('signedIn'),
    validate('param', IdParamSchema),
    async (c) => {
      const { id } = c.req.valid('param');
      const indicator = await getRecord(c.var.db, 'indicator', id);
      if (!indicator || !accessOf(c).canRead(indicator.unitId)) return notFound('Indikatorn');
      const outcomes = await listRecords(c.var.db, 'outcome', { parentIds: [id] });
      return c.json({ indicator, outcomes, latest: indicatorStatus(indicator, outcomes) }, 200);
    },
  )
  .put(
    '/:id/outcomes',
    describeRoute({
      summary: "Enter or change the indicator's outcome for a period (rapportör of the indicator's unit)",
      tags: ['rapportering'],
      responses: { 200: { description: 'Sparat' }, 403: { description: 'Ingen behörighet' }, 409: { description: 'Konflikt' } },
    }),
    authorize('write'),
    validate('param', IdParamSchema),
    validate('json', OutcomeSetArgsSchema),
    async (c) => {
      const { id } = c.req.valid('param');
      return respondToMutation(c, 'outcome', { name: 'outcome.set', recordId: id, args: c.req.valid('json') }, 200);
    },
  );
