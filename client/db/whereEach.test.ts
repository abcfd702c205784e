import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDeviceDb } from './database.ts';
import { whereEach } from './whereEach.ts';

describe('whereEach', () => {
  it('finds the rows anyOf finds, each once, whatever the keys repeat or miss', async () => {
    const db = openDeviceDb(`where-each-${randomUUID()}`);
    const rows = ['a', 'b', 'c'].flatMap((indicatorId) =>
      ['2025-01', '2025-02'].map((period) => ({ id: `${indicatorId}:${period}`, indicatorId, period, subSeriesKey: null, gender: 'T' as const, value: 1, comment: null, conflicts: [], version: 1, seq: 1 })),
    );
    await db.outcome.bulkPut(rows as never);
    const keys = ['c', 'a', 'a', 'missing'];
    const found = await whereEach(db.outcome, 'indicatorId', keys);
    const expected = await db.outcome.where('indicatorId').anyOf(keys).toArray();
    expect(found.map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
    expect(found.map((o) => o.id)).toEqual(['c:2025-01', 'c:2025-02', 'a:2025-01', 'a:2025-02']);
    expect(await whereEach(db.outcome, 'indicatorId', [])).toEqual([]);
    db.close();
  });
});
