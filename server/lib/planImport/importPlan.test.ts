import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '@shared/schemas/importReport.ts';
import type { ImportPlanDocumentInput } from '@shared/schemas/planImport.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { currentSeq } from '../../db/records.ts';
import { openTestDatabase } from '../../../tests/fixtures/testDb.ts';
import { importDocument, importTestPlan, planDocument } from '../../../tests/fixtures/planDocument.ts';
import { jsonLocate } from '../planFile/readPlanFile.ts';
import { importPlanDocument, type ImportOptions } from './importPlan.ts';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

/** Every record's version and change sequence, to show what an import touched. */
async function snapshot(): Promise<Map<string, { version: number; seq: number }>> {
  const rows = await db.query<{ id: string; version: number; seq: number }>('SELECT id, version, seq FROM records');
  return new Map(rows.map((row) => [row.id, { version: row.version, seq: Number(row.seq) }]));
}

const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({ dryRun: false, removeMissing: false, importer: 'Cecilia Controller', ...over });
const run = (doc: unknown, over: Partial<ImportOptions> = {}, on: Database = db) => importPlanDocument(on, doc, jsonLocate, options(over));
const errors = (report: ImportReport) => report.problems.filter((p) => p.severity === 'error');

describe('importing a plan document', () => {
  it('changes nothing when the same document is imported again', async () => {
    const doc = planDocument();
    const first = await importDocument(db, doc);
    expect(first.changed).toBeGreaterThan(10);
    const before = await snapshot();
    const head = await currentSeq(db);

    const second = await run(doc);

    expect(second.report.applied).toBe(true);
    expect(second.changed).toBe(0);
    expect(second.report.counts.every((c) => c.created === 0 && c.changed === 0)).toBe(true);
    expect(await currentSeq(db)).toBe(head);
    expect(await snapshot()).toEqual(before);
  });

  it('bumps the version and change sequence of exactly the activity whose title changed', async () => {
    const plan = await importTestPlan(db);
    const activity = await plan.byKey('activity', 'hyrbemanning');
    const before = await snapshot();
    const head = await currentSeq(db);

    const doc = structuredClone(plan.doc);
    doc.activities = doc.activities.map((a) => (a.key === 'hyrbemanning' ? { ...a, title: 'Oberoende av hyrbemanning 2026' } : a));
    const { changed, report } = await run(doc);

    expect(changed).toBe(1);
    expect(report.counts.find((c) => c.kind === 'Aktiviteter')).toMatchObject({ changed: 1, unchanged: 1, created: 0 });
    expect(await currentSeq(db)).toBe(head + 1);
    const after = await snapshot();
    expect(after.get(activity.id)).toEqual({ version: activity.version + 1, seq: head + 1 });
    after.delete(activity.id);
    before.delete(activity.id);
    expect(after).toEqual(before);
  });

  it('tells in a dry run what it would do, and writes nothing', async () => {
    const before = await snapshot();
    const { report, changed } = await run(planDocument(), { dryRun: true });
    expect(report.applied).toBe(false);
    expect(changed).toBe(0);
    expect(report.counts.find((c) => c.kind === 'Indikatorer')).toMatchObject({ created: 2, changed: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('lists every problem at once, where it is, in Swedish with what to do, and writes nothing', async () => {
    const doc = planDocument();
    doc.indicators[0]!.goals = ['tillganglighet', 'okant-mal'];
    doc.indicators[1]!.target = 'ungefär 80';
    doc.activities[0]!.focusArea = 'okant-omrade';
    doc.activities[0]!.assignments = ['rf99'];
    doc.outcomes.push({ indicator: 'okand-indikator', period: '2024-T1', value: '5 %' });
    const before = await snapshot();

    const { report } = await run(doc);

    expect(report.applied).toBe(false);
    const found = errors(report).map((p) => `${p.sheet} ${p.row} ${p.column}: ${p.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'Indikatorer (JSON) 1 goals: Målet "okant-mal" finns inte på fliken Mål.',
        'Indikatorer (JSON) 2 target: Målvärdet "ungefär 80" går inte att tolka. Skriv till exempel "80 %", "<4 %", "Öka", "Minska 2 %", "Bättre än rikssnittet" eller lämna tomt.',
        'Aktiviteter (JSON) 1 focusArea: Insatsområdet "okant-omrade" finns inte på fliken Insatsområden.',
        'Aktiviteter (JSON) 1 assignments: Uppdraget "rf99" finns inte på fliken Uppdrag.',
        `Utfall (JSON) ${doc.outcomes.length} indicator: Indikatorn "okand-indikator" finns inte på fliken Indikatorer.`,
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('takes a target in words as written, and says it cannot be judged by itself', async () => {
    const doc = planDocument();
    doc.indicators[1]!.target = 'Enligt fastställd plan';
    const { report } = await run(doc);
    expect(report.applied).toBe(true);
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/är en beskrivning/) }));
  });

  it('lists every schema problem of a document with the field it is in, in Swedish', async () => {
    const doc = planDocument() as unknown as { indicators: Record<string, unknown>[]; plan: Record<string, unknown> };
    doc.indicators[0]!.direction = 'uppåt';
    doc.plan.startYear = 'tjugotjugofem';
    const { report } = await run(doc);
    expect(report.problems.map((p) => `${p.sheet} ${p.row} ${p.column}: ${p.message}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Indikatorer \(JSON\) 1 direction: .*Välj "higher", "lower"\./), expect.stringMatching(/^Plan \(JSON\) null startYear: Skriv året med fyra siffror\./)]),
    );
  });

  it('rolls back everything it wrote when a write fails part-way', async () => {
    const before = await snapshot();
    const head = await currentSeq(db);
    // The fourth write (after units, plan and perspectives) fails, as a lost connection would.
    const failing = failOnWrite(db, 4);

    await expect(run(planDocument(), {}, failing)).rejects.toThrow('connection lost');

    expect(await currentSeq(db)).toBe(head);
    expect(await snapshot()).toEqual(before);
  });
});

describe('two organisations', () => {
  /** The same plan for a region of its own: every unit, goal and key the same but the region. */
  const forRegion = (doc: ImportPlanDocumentInput, key: string, name: string): ImportPlanDocumentInput => {
    const root = doc.units[0]!;
    const renamed = JSON.parse(JSON.stringify(doc).replaceAll(`"${root.key}"`, `"${key}"`)) as ImportPlanDocumentInput;
    renamed.units[0]!.name = name;
    return renamed;
  };

  it('with identical documents but for the region never touch each other’s records', async () => {
    const base = planDocument();
    const västmanland = await importTestPlan(db, forRegion(base, `region-vastmanland-${base.plan.key}`, 'Region Västmanland'));
    const before = await snapshot();
    const västerbotten = await importTestPlan(db, forRegion(base, `region-vasterbotten-${base.plan.key}`, 'Region Västerbotten'));

    expect(västerbotten.planId).not.toBe(västmanland.planId);
    const after = await snapshot();
    for (const [id, state] of before) expect(after.get(id), 'a record of the first region').toEqual(state);
    const [a, b] = [await västmanland.byKey('indicator', 'vardgaranti'), await västerbotten.byKey('indicator', 'vardgaranti')];
    expect(a.id).not.toBe(b.id);
    expect(a.unitId).not.toBe(b.unitId);
  });

  it('refuses a document whose organisation key is another organisation’s, naming the row to change', async () => {
    const base = planDocument();
    const key = `region-${base.plan.key}`;
    await importTestPlan(db, forRegion(base, key, 'Region Västmanland'));
    const { report } = await run(forRegion(planDocument(), key, 'Region Västerbotten'));
    expect(errors(report)).toEqual([expect.objectContaining({ sheet: 'Enheter (JSON)', row: 1, column: 'name', message: expect.stringMatching(/heter Region Västmanland här.*egen nyckel/) })]);
  });
});

describe('a record missing from a re-import', () => {
  it('is only listed until the controller confirms, then leaves the plan with its outcomes kept', async () => {
    const plan = await importTestPlan(db);
    const indicator = await plan.byKey('indicator', 'hyrlakare');
    const outcomes = await db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'outcome' AND parent_id = $1`, [indicator.id]);
    expect(outcomes.length).toBeGreaterThan(0);
    const doc = structuredClone(plan.doc);
    doc.indicators = doc.indicators.filter((i) => i.key !== 'hyrlakare');
    doc.outcomes = doc.outcomes.filter((o) => o.indicator !== 'hyrlakare');

    const kept = await run(doc);
    expect(kept.report.missing).toEqual([{ kind: 'Indikatorer', key: 'hyrlakare', label: indicator.name }]);
    expect(kept.report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/1 post i planen saknas i filen/) }));
    expect((await plan.byKey('indicator', 'hyrlakare')).removedAt ?? null).toBeNull();

    const removed = await run(doc, { removeMissing: true });
    expect(removed.report.counts.find((c) => c.kind === 'Indikatorer')).toMatchObject({ removed: 1 });
    expect((await plan.byKey('indicator', 'hyrlakare')).removedAt).toEqual(expect.any(String));
    const still = await db.query<{ id: string }>(`SELECT id FROM records WHERE entity = 'outcome' AND parent_id = $1 AND NOT deleted`, [indicator.id]);
    expect(still.map((o) => o.id).sort()).toEqual(outcomes.map((o) => o.id).sort());

    // Back in the file, it is back in the plan.
    await run(plan.doc);
    expect((await plan.byKey('indicator', 'hyrlakare')).removedAt).toBeNull();
  });
});

describe('reported values in a re-import', () => {
  it('keep who entered an outcome and the conflicts waiting on it, and add no history for a status that stands', async () => {
    const plan = await importTestPlan(db);
    const indicator = await plan.byKey('indicator', 'hyrlakare');
    const [cell] = await db.query<{ id: string; data: Record<string, unknown> }>(`SELECT id, data FROM records WHERE entity = 'outcome' AND parent_id = $1`, [indicator.id]);
    await db.query(`UPDATE records SET data = data || '{"enteredBy": "Anna"}'::jsonb WHERE id = $1`, [cell!.id]);
    const history = async () => (await db.query(`SELECT id FROM records WHERE entity = 'activityUpdate' AND parent_id = $1`, [(await plan.byKey('activity', 'webbtidbocker')).id])).length;
    const entries = await history();

    await run(plan.doc);

    const [after] = await db.query<{ data: Record<string, unknown> }>(`SELECT data FROM records WHERE id = $1`, [cell!.id]);
    expect(after!.data.enteredBy).toBe('Anna');
    expect(await history()).toBe(entries);
  });
});

/** The same database, but the `n`th insert into records inside a transaction throws. */
function failOnWrite(db: Database, n: number): Database {
  let writes = 0;
  return {
    ...db,
    transaction: (work) =>
      db.transaction((tx) => {
        const failingTx: Queryable = {
          query: async <Row>(sql: string, params?: unknown[]) => {
            if (sql.trimStart().startsWith('INSERT INTO records') && ++writes === n) throw new Error('connection lost');
            return tx.query<Row>(sql, params);
          },
        };
        return work(failingTx);
      }),
  };
}
