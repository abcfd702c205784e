import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import * as v from 'valibot';
import { IndicatorKoladaSchema, KoladaChoiceSchema, PlanKoladaSchema } from '@shared/schemas/kolada.ts';
import type { KoladaRunResponseSchema } from '@shared/schemas/koladaRun.ts';
import { latestKoladaRun } from '../db/koladaRuns.ts';
import { actorOf } from '../lib/actor.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { authorize } from '../lib/authorize.ts';
import { fail } from '../lib/errors.ts';
import { beginKoladaRun } from '../lib/kolada/fetchKolada.ts';
import { KoladaError } from '../lib/kolada/koladaClient.ts';
import { chooseKoladaValue, plannablePlan, setIndicatorKpi, setPlanKolada } from '../lib/kolada/planKolada.ts';
import { validate } from '../lib/validate.ts';
import { IdParamSchema } from './params.ts';
import { log } from '../lib/log.ts';

const doc = (summary: string) => describeRoute({ summary, tags: ['kolada'], responses: { 200: { description: 'OK' }, 403: { description: 'Kräver controller' } } });
const SearchSchema = v.object({ title: v.pipe(v.string('Skriv vad nyckeltalet heter.'), v.trim(), v.minLength(2, 'Skriv minst två tecken.'), v.maxLength(120, 'Högst 120 tecken.')) });
type RunResponse = v.InferOutput<typeof KoladaRunResponseSchema>;

/** Kolada's catalogue and the latest fetch, for controllers. */
export const koladaRoutes = new Hono<AppEnv>()
  .get('/kpis', doc("Search Kolada's catalogue of KPIs by title"), authorize('plan'), validate('query', SearchSchema), async (c) => {
    try {
      const kpis = await c.var.kolada.searchKpis(c.req.valid('query').title);
      return c.json({ reached: true, message: null, kpis: kpis.slice(0, 50).map((k) => ({ id: k.id, title: k.title, description: k.description })) }, 200);
    } catch (error) {
      // Kolada out of reach (as in many hospital networks) is not the controller's mistake, nor the server's.
      const message = error instanceof KoladaError ? `Kolada går inte att nå just nu (${error.message}) Försök igen senare.` : 'Kolada går inte att nå just nu.';
      return c.json({ reached: false, message, kpis: [] }, 200);
    }
  })
  .get('/run', doc('The latest fetch from Kolada, with each indicator’s result so far'), authorize('plan'), async (c) => c.json({ run: await latestKoladaRun(c.var.db) } satisfies RunResponse, 200))
  .put('/values/:id', doc('Whether a value from Kolada counts instead of the outcome a person entered'), authorize('plan'), validate('param', IdParamSchema), validate('json', KoladaChoiceSchema), async (c) => {
    return c.json({ value: await chooseKoladaValue(c.var.db, actorOf(c), c.req.valid('param').id, c.req.valid('json').counts) }, 200);
  });

/** Where a plan's figures are in Kolada, and a controller's fetch of them. */
export const planKoladaRoutes = new Hono<AppEnv>()
  .put('/:id/kolada', doc("Which Kolada area is the plan's organisation, and which it is compared with"), authorize('plan'), validate('param', IdParamSchema), validate('json', PlanKoladaSchema), async (c) => {
    return c.json({ plan: await setPlanKolada(c.var.db, actorOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200);
  })
  .post('/:id/kolada/fetch', doc("Fetches the plan's mapped indicators from Kolada now"), authorize('plan'), validate('param', IdParamSchema), async (c) => {
    const actor = actorOf(c);
    const plan = await plannablePlan(c.var.db, actor, c.req.valid('param').id);
    if (!plan.kolada) return fail(409, 'no_kolada_area', 'Ange först vilket Kolada-id som är organisationens (till exempel 0019 för Region Västmanland).');
    const begun = await beginKoladaRun(c.var.db, c.var.kolada, { startedBy: actor.access.user.name, planId: plan.id });
    if (!begun) return fail(409, 'kolada_busy', 'En hämtning från Kolada pågår redan. Vänta tills den är klar.');
    begun.finished.catch((error: unknown) => log().error({ err: error }, 'Kolada fetch failed'));
    return c.json({ run: begun.run } satisfies RunResponse, 202);
  });

/** Which KPI an indicator's figures are in Kolada. */
export const indicatorKoladaRoutes = new Hono<AppEnv>().put('/:id/kolada', doc('Links an indicator to a Kolada KPI, or unlinks it'), authorize('plan'), validate('param', IdParamSchema), validate('json', IndicatorKoladaSchema), async (c) => {
  return c.json({ indicator: await setIndicatorKpi(c.var.db, actorOf(c), c.req.valid('param').id, c.req.valid('json').kpi) }, 200);
});
