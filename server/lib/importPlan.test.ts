import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/database.ts';
import { currentSeq } from '../db/records.ts';
import { openTestDatabase } from '../../tests/fixtures/testDb.ts';
import { importDocument, importTestPlan, planDocument } from '../../tests/fixtures/planDocument.ts';
import { ImportError } from './importPlan.ts';

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

describe('importPlan', () => {
  it('changes nothing when the same document is imported again', async () => {
    const doc = planDocument();
    const first = await importDocument(db, doc);
    expect(first.changed).toBeGreaterThan(10);
    const before = await snapshot();
    const head = await currentSeq(db);

    const second = await importDocument(db, doc);

    expect(second).toEqual({ planId: first.planId, changed: 0 });
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
    const result = await importDocument(db, doc);

    expect(result.changed).toBe(1);
    expect(await currentSeq(db)).toBe(head + 1);
    const after = await snapshot();
    expect(after.get(activity.id)).toEqual({ version: activity.version + 1, seq: head + 1 });
    after.delete(activity.id);
    before.delete(activity.id);
    expect(after).toEqual(before);
    expect(await plan.byKey('activity', 'hyrbemanning')).toMatchObject({ title: 'Oberoende av hyrbemanning 2026' });
  });

  it('refuses a document whose indicator points at an unknown goal, in Swedish, naming the key, and writes nothing', async () => {
    const doc = planDocument();
    doc.indicators[0]!.goals = ['tillganglighet', 'okant-mal'];
    const before = await snapshot();
    const head = await currentSeq(db);

    const error = await importDocument(db, doc).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^Planen kunde inte importeras: /);
    expect((error as ImportError).problems).toEqual([`Indikatorn ${doc.indicators[0]!.name} hänvisar till målet "okant-mal" som inte finns.`]);
    expect(await currentSeq(db)).toBe(head);
    expect(await snapshot()).toEqual(before);
  });

  it('lists every dangling key it finds, not only the first', async () => {
    const doc = planDocument();
    doc.activities[0]!.focusArea = 'okant-omrade';
    doc.activities[0]!.assignments = ['rf99'];
    doc.outcomes.push({ indicator: 'okand-indikator', period: '2024-T1', value: '5 %' });

    const error = await importDocument(db, doc).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportError);
    const problems = (error as ImportError).problems.join('\n');
    expect(problems).toContain('insatsområdet "okant-omrade"');
    expect(problems).toContain('uppdraget "rf99"');
    expect(problems).toContain('indikatorn "okand-indikator"');
  });

  it('rolls back everything it wrote when a write fails part-way', async () => {
    const before = await snapshot();
    const head = await currentSeq(db);
    // The fourth write (after units, plan and perspectives) fails, as a lost connection would.
    const failing = failOnWrite(db, 4);

    await expect(importDocument(failing, planDocument())).rejects.toThrow('connection lost');

    expect(await currentSeq(db)).toBe(head);
    expect(await snapshot()).toEqual(before);
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
