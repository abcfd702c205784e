import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { Context } from 'hono';
import { withLatestStatus } from '../db/indicatorStatuses.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { bodyLimit } from 'hono/body-limit';
import { actorOf } from '../lib/actor.ts';
import { fail, notFound } from '../lib/errors.ts';
import { documentToSheets, writeCsvZip, writeXlsx } from '../lib/planFile/writePlanFile.ts';
import { exportPlan } from '../lib/planImport/exportPlan.ts';
import { IMPORT_MAX_BYTES, importPlanFile } from '../lib/planImport/importPlanFile.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema, PlanPeriodParamSchema } from './params.ts';
import { closePeriod, reopenPeriod } from '../lib/periodClose/closePeriod.ts';
import { ReopenRequestSchema } from '@shared/schemas/periodClose.ts';

const doc = (summary: string) => describeRoute({ summary, tags: ['plan'], responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } } });

/** The plan behind `:id` if the signed-in person may read it, and the units whose records they may see. */
async function readablePlan(c: Context<AppEnv>, id: string) {
  const access = accessOf(c);
  const plan = await getRecord(c.var.db, 'plan', id);
  if (!plan || !access.canRead(plan.unitId)) return notFound('Planen');
  return { plan, readableUnitIds: access.readableUnitIds };
}

/** A plan a controller may export and change: their own units', answered as missing otherwise. */
async function plannablePlan(c: Context<AppEnv>, id: string) {
  const { plan } = await readablePlan(c, id);
  accessOf(c).assertPlan(plan.unitId);
  return plan;
}

const fileName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'plan';
const download = (c: Context<AppEnv>, body: Uint8Array | string, type: string, name: string) =>
  c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, { 'content-type': type, 'content-disposition': `attachment; filename="${name}"` });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const planRoutes = new Hono<AppEnv>()
  .get('/', doc('The plans the signed-in person may read'), authorize('signedIn'), async (c) =>
    c.json({ plans: await listRecords(c.var.db, 'plan', { readableUnitIds: accessOf(c).readableUnitIds }) }, 200),
  )
  .get('/import/template.xlsx', doc('The plan template: an .xlsx workbook with instructions and drop-down lists'), authorize('plan'), async (c) =>
    download(c, await writeXlsx([]), XLSX, 'malbild-planmall.xlsx'),
  )
  .get('/import/template.zip', doc('The plan template as CSV files (one per sheet) in a zip'), authorize('plan'), (c) => download(c, writeCsvZip([]), 'application/zip', 'malbild-planmall-csv.zip'))
  .post(
    '/import',
    describeRoute({
      summary: 'Import a plan file (.xlsx, a zip of CSV files, or JSON) in the multipart field `file`; `dryRun` (default true) only tells what would happen, `removeMissing` takes out what the file no longer has',
      tags: ['plan'],
      responses: { 200: { description: 'What was (or would be) done, and every problem' }, 422: { description: 'Not imported: the file has errors' } },
    }),
    authorize('plan'),
    bodyLimit({ maxSize: IMPORT_MAX_BYTES, onError: () => fail(413, 'too_large', 'Filen är för stor (högst 10 MB).') }),
    async (c) => {
      const form = await c.req.parseBody().catch(() => fail(400, 'invalid_input', 'Skicka filen som formulärdata i fältet file.'));
      const file = form.file;
      if (!(file instanceof File)) return fail(400, 'invalid_input', 'Välj en fil att importera (fältet file).');
      const flag = (name: string, otherwise: boolean) => {
        const value = form[name] ?? c.req.query(name);
        return value === undefined ? otherwise : value === 'true';
      };
      const report = await importPlanFile(c.var.db, new Uint8Array(await file.arrayBuffer()), {
        fileName: file.name.slice(0, 200),
        dryRun: flag('dryRun', true),
        removeMissing: flag('removeMissing', false),
        actor: actorOf(c),
      });
      return c.json(report, report.applied || flag('dryRun', true) ? 200 : 422);
    },
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
  })
  .get('/:id/export.xlsx', doc('The whole plan, with its outcomes, assessments, statuses and comments, in the import template'), authorize('plan'), validate('param', IdParamSchema), async (c) => {
    const plan = await plannablePlan(c, c.req.valid('param').id);
    const exported = (await exportPlan(c.var.db, plan.id))!;
    return download(c, await writeXlsx(documentToSheets(exported)), XLSX, `${fileName(plan.name)}.xlsx`);
  })
  .post('/:id/periods/:period/close', doc('Closes a report point: nothing dated to it is written from now on'), authorize('plan'), validate('param', PlanPeriodParamSchema), async (c) => {
    const { id, period } = c.req.valid('param');
    return c.json({ plan: await closePeriod(c.var.db, actorOf(c), id, period) }, 200);
  })
  .post(
    '/:id/periods/:period/reopen',
    doc('Opens a closed report point again, with the reason'),
    authorize('plan'),
    validate('param', PlanPeriodParamSchema),
    validate('json', ReopenRequestSchema),
    async (c) => {
      const { id, period } = c.req.valid('param');
      return c.json({ plan: await reopenPeriod(c.var.db, actorOf(c), id, period, c.req.valid('json').reason) }, 200);
    },
  )
  .get('/:id/export.json', doc('The whole plan as a JSON plan document'), authorize('plan'), validate('param', IdParamSchema), async (c) => {
    const plan = await plannablePlan(c, c.req.valid('param').id);
    return download(c, JSON.stringify(await exportPlan(c.var.db, plan.id), null, 2), 'application/json; charset=utf-8', `${fileName(plan.name)}.json`);
  });
