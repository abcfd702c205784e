import { koladaValueId, outcomeId } from '@shared/logic/recordIds.ts';
import type { RecordInput } from '@shared/schemas/entities.ts';
import type { Indicator } from '@shared/schemas/indicator.ts';
import { RIKET } from '@shared/schemas/kolada.ts';
import type { Gender } from '@shared/schemas/outcome.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import { insertAudit } from '../../db/auditLog.ts';
import type { Database } from '../../db/database.ts';
import type { IndicatorRun, KoladaRun } from '@shared/schemas/koladaRun.ts';
import { claimKoladaRun, finishKoladaRun, recordIndicatorRun } from '../../db/koladaRuns.ts';
import { listRecords, putRecords } from '../../db/records.ts';
import { KoladaError, type KoladaClient } from './koladaClient.ts';
import type { KoladaDataRow } from './koladaResponses.ts';

const KOLADA_AUTHOR = 'Kolada';

interface Mapped {
  plan: Plan & { kolada: NonNullable<Plan['kolada']> };
  indicator: Indicator & { source: { koladaKpi: string } };
}

/** Every indicator a controller has linked to a KPI, in a plan that says which Kolada area is its own. */
async function mappedIndicators(db: Database, planId: string | null): Promise<Mapped[]> {
  const plans = (await listRecords(db, 'plan')).filter((plan): plan is Mapped['plan'] => !!plan.kolada && (planId === null || plan.id === planId));
  const found: Mapped[] = [];
  for (const plan of plans) {
    for (const indicator of await listRecords(db, 'indicator', { planId: plan.id })) {
      if (!indicator.removedAt && indicator.source?.koladaKpi) found.push({ plan, indicator: indicator as Mapped['indicator'] });
    }
  }
  return found;
}

const valueOf = (rows: readonly KoladaDataRow[], areaId: string, year: number, gender: Gender) =>
  rows.find((r) => r.municipality === areaId && r.period === year)?.values.find((v) => v.gender === gender) ?? null;

/**
 * One indicator's values from Kolada, as records: the organisation's, Riket's and the peers' per year and
 * gender. A value that did not change keeps its record as it was (so a second run writes nothing); a
 * revised one is written and audited. Where no person has entered an outcome, the Kolada value is the
 * outcome too (source kolada); an outcome a person entered or imported is never touched.
 */
async function storeIndicator(db: Database, { plan, indicator }: Mapped, rows: readonly KoladaDataRow[], years: number[], now: Date) {
  const genders: Gender[] = indicator.genderBreakdown ? ['T', 'K', 'M'] : ['T'];
  const existing = new Map((await listRecords(db, 'koladaValue', { parentIds: [indicator.id] })).map((k) => [k.id, k]));
  const outcomes = new Map((await listRecords(db, 'outcome', { parentIds: [indicator.id] })).map((o) => [o.id, o]));
  const values: RecordInput<'koladaValue'>[] = [];
  const ownOutcomes: RecordInput<'outcome'>[] = [];
  const revisions: { record: RecordInput<'koladaValue'>; from: number | null }[] = [];
  let missing = 0;
  for (const year of years) {
    for (const gender of genders) {
      const own = valueOf(rows, plan.kolada.areaId, year, gender);
      const riket = valueOf(rows, RIKET, year, gender);
      if (!own && !riket) continue;
      const id = koladaValueId(indicator.id, String(year), gender);
      const before = existing.get(id);
      const record: RecordInput<'koladaValue'> = {
        id,
        indicatorId: indicator.id,
        unitId: indicator.unitId,
        planId: plan.id,
        period: String(year),
        gender,
        kpi: indicator.source.koladaKpi,
        areaId: plan.kolada.areaId,
        value: own?.value ?? null,
        status: own?.status || (own?.value == null ? 'Saknas' : null),
        nationalAverage: riket?.value ?? null,
        peers: plan.kolada.peerIds.map((areaId) => ({ areaId, value: valueOf(rows, areaId, year, gender)?.value ?? null })),
        fetchedAt: now.toISOString(),
        counts: before?.counts ?? false,
      };
      if (record.value === null) missing++;
      const peers = (list: RecordInput<'koladaValue'>['peers']) => list.map((p) => `${p.areaId}=${p.value}`).join();
      const same =
        before &&
        (['value', 'status', 'nationalAverage', 'kpi', 'areaId'] as const).every((key) => before[key] === record[key]) &&
        peers(before.peers) === peers(record.peers);
      if (same) continue;
      if (before && before.value !== record.value) revisions.push({ record, from: before.value });
      values.push(record);
      const outcome = outcomes.get(outcomeId(indicator.id, String(year), null, gender));
      if (record.value !== null && (!outcome || outcome.source === 'kolada')) {
        ownOutcomes.push({
          id: outcomeId(indicator.id, String(year), null, gender),
          indicatorId: indicator.id,
          unitId: indicator.unitId,
          subSeriesKey: null,
          gender,
          period: String(year),
          value: record.value,
          nationalAverage: record.nationalAverage,
          comment: null,
          source: 'kolada',
          enteredBy: KOLADA_AUTHOR,
          conflicts: outcome?.conflicts ?? [],
        });
      }
    }
  }
  await db.transaction(async (tx) => {
    await putRecords(tx, 'koladaValue', values);
    await putRecords(tx, 'outcome', ownOutcomes);
    for (const { record, from } of revisions) {
      await insertAudit(tx, { action: 'kolada.revise', entity: 'koladaValue', recordId: record.id, unitId: record.unitId, userId: null, userName: KOLADA_AUTHOR, client: 'kolada', detail: { kpi: record.kpi, period: record.period, gender: record.gender, from, to: record.value } });
    }
  });
  return { written: values.length, missing };
}

export interface KoladaRunOptions {
  startedBy: string;
  planId?: string | null;
  now?: () => Date;
}

/**
 * Starts (or resumes) a fetch from Kolada and answers at once with the run, and with the promise of its
 * end, so that a controller's request need not wait for it: the run records each indicator's result as it
 * comes. Null when another process's run is going on.
 */
export async function beginKoladaRun(db: Database, client: KoladaClient, options: KoladaRunOptions): Promise<{ run: KoladaRun; finished: Promise<KoladaRun> } | null> {
  const run = await claimKoladaRun(db, options.startedBy);
  if (!run) return null;
  return { run: { ...run, indicators: [...run.indicators] }, finished: continueRun(db, client, run, options) };
}

/**
 * A fetch from Kolada for every mapped indicator (of one plan, or all): the catalogue is asked which KPIs
 * still exist, then each indicator is fetched on its own, so a failing KPI never stops the others. Each
 * result is recorded in the run as it comes; a run that was cut short is resumed by the next claim,
 * which skips what it already did. Answers the run, or null when another process's run is going on.
 */
export async function fetchKolada(db: Database, client: KoladaClient, options: KoladaRunOptions): Promise<KoladaRun | null> {
  const begun = await beginKoladaRun(db, client, options);
  return begun ? begun.finished : null;
}

async function continueRun(db: Database, client: KoladaClient, run: KoladaRun, options: KoladaRunOptions): Promise<KoladaRun> {
  const now = options.now ?? (() => new Date());
  const done = new Set(run.indicators.map((i) => i.indicatorId));
  const mapped = (await mappedIndicators(db, options.planId ?? null)).filter((m) => !done.has(m.indicator.id));
  const record = async (result: IndicatorRun) => {
    await recordIndicatorRun(db, run.id, result);
    run.indicators.push(result);
  };
  let existing: Set<string> | null = null;
  try {
    existing = new Set((await client.kpis([...new Set(mapped.map((m) => m.indicator.source.koladaKpi))])).map((k) => k.id));
  } catch (error) {
    for (const m of mapped) await record({ indicatorId: m.indicator.id, name: m.indicator.name, kpi: m.indicator.source.koladaKpi, outcome: 'failed', written: 0, missing: 0, message: reason(error) });
  }
  if (existing) {
    for (const m of mapped) {
      const base = { indicatorId: m.indicator.id, name: m.indicator.name, kpi: m.indicator.source.koladaKpi };
      if (!existing.has(base.kpi)) {
        await record({ ...base, outcome: 'withdrawn', written: 0, missing: 0, message: `Nyckeltalet ${base.kpi} finns inte längre i Kolada. Värdena som redan hämtats finns kvar.` });
        continue;
      }
      try {
        const years = Array.from({ length: m.plan.endYear - m.plan.startYear + 2 }, (_, i) => m.plan.startYear - 1 + i);
        const rows = await client.data(base.kpi, [m.plan.kolada.areaId, RIKET, ...m.plan.kolada.peerIds], years);
        const { written, missing } = await storeIndicator(db, m, rows, years, now());
        await record({ ...base, outcome: 'fetched', written, missing, message: null });
      } catch (error) {
        await record({ ...base, outcome: 'failed', written: 0, missing: 0, message: reason(error) });
      }
    }
  }
  await finishKoladaRun(db, run.id);
  return { ...run, running: false };
}

const reason = (error: unknown) => (error instanceof KoladaError ? error.message : 'Hämtningen misslyckades på servern.');
