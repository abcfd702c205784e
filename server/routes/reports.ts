import { Hono, type Context } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { planReportPoints } from '@shared/logic/calendar.ts';
import { UuidSchema } from '@shared/schemas/common.ts';
import { PeriodSchema } from '@shared/schemas/period.ts';
import { ReportWriteSchema } from '@shared/schemas/report.ts';
import { getRecord } from '../db/records.ts';
import { getReportVersion, listReportVersions } from '../db/reportVersions.ts';
import { actorOf } from '../lib/actor.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { fail, notFound } from '../lib/errors.ts';
import { liveReport } from '../lib/report/loadReport.ts';
import { reportCsv } from '../lib/report/reportCsv.ts';
import { reportPdf } from '../lib/report/reportPdf.ts';
import { reportXlsx } from '../lib/report/reportXlsx.ts';
import { writeNarrative } from '../lib/report/writeNarrative.ts';
import { validate } from '../lib/validate.ts';
import { PlanPeriodParamSchema } from './params.ts';

const FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
const FILE_MESSAGE = 'Adressen ska sluta med perioden och filtypen, till exempel 2024-T1.pdf, .xlsx, .csv eller .json.';

/** `:file` of a report download: a period code and what to download it as (`2024-T1.pdf`). */
const ReportFileParamSchema = v.object({
  id: UuidSchema,
  file: v.pipe(
    v.string(FILE_MESSAGE),
    v.regex(/^[^.]+(\.\.[^.]+)?\.[a-z]+$/, FILE_MESSAGE),
    v.transform((file) => ({ period: file.slice(0, file.lastIndexOf('.')), format: file.slice(file.lastIndexOf('.') + 1) })),
    v.object({ period: PeriodSchema, format: v.picklist(FORMATS, FILE_MESSAGE) }),
  ),
});
const VersionQuerySchema = v.object({
  version: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/, 'Versionen är ett heltal från 1.'), v.transform(Number))),
});

const doc = (summary: string) => describeRoute({ summary, tags: ['report'], responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } } });
const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;
const fileName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'rapport';

/**
 * The report a reader gets: a closed period's frozen version (the latest, or the one asked for), which
 * only someone who may read all it shows receives; an open period's as the data stands, of their units.
 */
async function readableReport(c: Context<AppEnv>, planId: string, period: string, version: number | undefined) {
  const access = accessOf(c);
  const plan = await getRecord(c.var.db, 'plan', planId);
  if (!plan || !access.canRead(plan.unitId)) return notFound('Planen');
  const point = planReportPoints(plan).find((p) => p.period === period);
  if (!point) return notFound('Rapporten');
  const versions = await listReportVersions(c.var.db, planId, period);
  const closed = plan.closures.some((cl) => cl.period === period);
  if (version !== undefined || (closed && versions.length > 0)) {
    const frozen = await getReportVersion(c.var.db, planId, period, version ?? null);
    if (!frozen) return notFound('Den versionen av rapporten');
    if (!frozen.unitIds.every((id) => access.canRead(id))) return fail(403, 'forbidden', 'Den fastställda rapporten visar enheter du inte har behörighet att läsa.');
    // A frozen report holds every meeting of its time; each reader gets those whose notes they may read.
    const report = { ...frozen.report, meetings: (frozen.report.meetings ?? []).filter((m) => access.canReadMinutes(m.unitId)) };
    return { plan, report, version: { version: frozen.version, frozenAt: frozen.frozenAt }, versions };
  }
  const { report } = await liveReport(c.var.db, plan, point, access.readableUnitIds, access.minutesReadableUnitIds);
  return { plan, report, version: null, versions };
}

export const reportRoutes = new Hono<AppEnv>()
  .get(
    '/:id/reports/:file',
    doc('A delårsrapport: `{period}.pdf`, `.xlsx`, `.csv` or `.json`; a closed period gives its frozen version (`?version=` an earlier one)'),
    authorize('signedIn'),
    validate('param', ReportFileParamSchema),
    validate('query', VersionQuerySchema),
    async (c) => {
      const { id, file } = c.req.valid('param');
      const { plan, report, version, versions } = await readableReport(c, id, file.period, c.req.valid('query').version);
      if (file.format === 'json') return c.json({ report, version, versions }, 200);
      const name = `${fileName(`${plan.name}-${report.point.name || file.period}`)}${version ? `-v${version.version}` : ''}.${file.format}`;
      const body = file.format === 'pdf' ? await reportPdf(report, version, c.var.settings.chromiumPath) : file.format === 'xlsx' ? await reportXlsx(report) : reportCsv(report);
      return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, { 'content-type': TYPES[file.format], 'content-disposition': `attachment; filename="${name}"` });
    },
  )
  .put('/:id/reports/:period', doc("A controller's narrative sections of a report"), authorize('plan'), validate('param', PlanPeriodParamSchema), validate('json', ReportWriteSchema), async (c) => {
    const { id, period } = c.req.valid('param');
    return c.json({ report: await writeNarrative(c.var.db, actorOf(c), id, period, c.req.valid('json')) }, 200);
  });
