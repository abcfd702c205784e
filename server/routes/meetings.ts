import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { planReportPoints } from '@shared/logic/calendar.ts';
import { reportMeeting } from '@shared/logic/meetingReport.ts';
import { UuidSchema } from '@shared/schemas/common.ts';
import { getRecord, listRecords } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { notFound } from '../lib/errors.ts';
import { meetingHtml } from '../lib/report/meetingHtml.ts';
import { printPdf } from '../lib/report/reportPdf.ts';
import { validate } from '../lib/validate.ts';

const FILE_MESSAGE = 'Adressen ska sluta med mötets id och .pdf.';
const MeetingFileParamSchema = v.object({
  id: UuidSchema,
  file: v.pipe(v.string(FILE_MESSAGE), v.regex(/^[^.]+\.pdf$/, FILE_MESSAGE), v.transform((file) => file.slice(0, -'.pdf'.length)), UuidSchema),
});

const doc = (summary: string) => describeRoute({ summary, tags: ['report'], responses: { 200: { description: 'OK' }, 404: { description: 'Finns inte' } } });
const fileName = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'dialogmote';

export const meetingRoutes = new Hono<AppEnv>().get('/:id/meetings/:file', doc('One dialogue meeting of a plan as a PDF: `{meetingId}.pdf`'), authorize('signedIn'), validate('param', MeetingFileParamSchema), async (c) => {
  const { id, file: meetingId } = c.req.valid('param');
  const access = accessOf(c);
  const plan = await getRecord(c.var.db, 'plan', id);
  if (!plan || !access.canRead(plan.unitId)) return notFound('Planen');
  const meeting = await getRecord(c.var.db, 'meeting', meetingId);
  // A meeting the person may not read is answered as missing, as the pull never sends it.
  if (!meeting || meeting.planId !== plan.id || !access.canReadMinutes(meeting.unitId)) return notFound('Mötet');
  const [notes, unit] = await Promise.all([listRecords(c.var.db, 'meetingNote', { parentIds: [meeting.id] }), getRecord(c.var.db, 'unit', meeting.unitId)]);
  const point = planReportPoints(plan).find((p) => p.period === meeting.period);
  const printed = reportMeeting(meeting, notes, point?.name ?? meeting.period);
  const pdf = await printPdf(meetingHtml(printed, plan.name, unit?.name ?? ''), `${plan.name} – ${meeting.title}`, c.var.settings.chromiumPath);
  return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${fileName(`${meeting.title}-${meeting.date}`)}.pdf"` });
});
