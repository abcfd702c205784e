import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_SCHEMAS, type EntityName, type RecordInput } from '@shared/schemas/entities.ts';
import { PullResponseSchema, type Change, type PullResponse } from '@shared/schemas/sync.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import { importTestPlan } from '../../tests/fixtures/planDocument.ts';
import { renewServerIdentity } from '../db/serverIdentity.ts';
import { currentSeq, deleteRecord, putRecords } from '../db/records.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

async function pull(since: number, limit?: number): Promise<PullResponse> {
  const { status, body } = await t.json(`/api/sync/pull?since=${since}${limit ? `&limit=${limit}` : ''}`);
  expect(status).toBe(200);
  return v.parse(PullResponseSchema, body);
}

/** Pulls page by page until the server says there is no more, checking the paging contract on the way. */
async function pullToHead(since: number, limit?: number): Promise<{ changes: Change[]; cursor: number; pages: number }> {
  const changes: Change[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const page = await pull(cursor, limit);
    pages++;
    expect(page.reset).toBe(false);
    expectOrderedAfter(page.changes, cursor);
    expect(page.cursor).toBeGreaterThanOrEqual(cursor);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, pages };
  }
}

function expectOrderedAfter(changes: Change[], since: number) {
  let previous = since;
  for (const change of changes) {
    expect(change.seq).toBeGreaterThan(previous);
    previous = change.seq;
  }
}

/** The record as a writer would send it back: version and seq are the database's to assign. */
function asInput<E extends EntityName>(record: { version: number; seq: number } & RecordInput<E>): RecordInput<E> {
  const { version: _version, seq: _seq, ...input } = record;
  return input as RecordInput<E>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator, so a failing interleaving can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function activityUpdate(activityId: string, unitId: string, text: string): RecordInput<'activityUpdate'> {
  return {
    id: randomUUID(),
    activityId,
    unitId,
    authorName: 'Anna Andersson',
    authorId: null,
    createdAt: new Date().toISOString(),
    writtenAt: null,
    fromStatus: null,
    toStatus: null,
    statusParts: null,
    text,
    period: null,
    conflict: false,
  };
}

/** What a device holds after applying changes in order: id → version (null once deleted). */
function applyChanges(replica: Map<string, number | null>, changes: Change[]) {
  for (const change of changes) replica.set(change.id, change.deleted ? null : (change.record?.version as number));
}

async function serverState(): Promise<Map<string, number | null>> {
  const rows = await t.db.query<{ id: string; version: number; deleted: boolean }>('SELECT id, version, deleted FROM records');
  return new Map(rows.map((row) => [row.id, row.deleted ? null : row.version]));
}

describe('GET /api/sync/pull', () => {
  it('pages through a full snapshot from since=0: every record once, in order, ending at the head', async () => {
    await importTestPlan(t.db);
    await importTestPlan(t.db);

    const { changes, cursor, pages } = await pullToHead(0, 7);

    expect(pages).toBeGreaterThan(3);
    const ids = changes.map((change) => change.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rows = await t.db.query<{ id: string; seq: number }>('SELECT id, seq FROM records');
    expect(new Set(ids)).toEqual(new Set(rows.map((row) => row.id)));
    expect(cursor).toBe(await currentSeq(t.db));
    for (const change of changes.filter((c) => !c.deleted)) {
      // What devices receive must pass the same shared schema the client validates with.
      expect(() => v.parse(ENTITY_SCHEMAS[change.entity], change.record), `${change.entity} ${change.id}`).not.toThrow();
      expect(change.record).toMatchObject({ id: change.id, seq: change.seq });
    }
  });

  it('after one change returns exactly that change, then nothing', async () => {
    const plan = await importTestPlan(t.db);
    const activity = await plan.byKey('activity', 'webbtidbocker');
    const { cursor } = await pullToHead(0);

    await t.db.transaction((tx) => putRecords(tx, 'activity', [{ ...asInput(activity), title: 'Webbtidböcker i hela regionen' }]));

    const page = await pull(cursor);
    expect(page).toMatchObject({ hasMore: false, reset: false });
    expect(page.changes).toHaveLength(1);
    expect(page.changes[0]).toMatchObject({
      entity: 'activity',
      id: activity.id,
      seq: cursor + 1,
      deleted: false,
      record: { title: 'Webbtidböcker i hela regionen', version: activity.version + 1, seq: cursor + 1 },
    });
    expect(page.cursor).toBe(cursor + 1);
    expect(await pull(page.cursor)).toMatchObject({ changes: [], cursor: page.cursor, hasMore: false, reset: false });
  });

  it('answers the same pull asked again alike until something changes, and then with the change', async () => {
    const plan = await importTestPlan(t.db);
    const activity = await plan.byKey('activity', 'webbtidbocker');
    const { cursor } = await pullToHead(0);
    await t.db.transaction((tx) => putRecords(tx, 'activity', [{ ...asInput(activity), title: 'Först' }]));
    const before = await pull(cursor - 5);
    expect(await pull(cursor - 5)).toEqual(before);

    await t.db.transaction((tx) => putRecords(tx, 'activity', [{ ...asInput({ ...activity, version: activity.version + 1 }), title: 'Sedan' }]));
    const after = await pull(cursor - 5);
    expect(after.head).toBe(before.head + 1);
    expect(after.changes.find((c) => c.id === activity.id)?.record).toMatchObject({ title: 'Sedan', version: activity.version + 2 });
  });

  it('sends a deletion as a tombstone', async () => {
    const plan = await importTestPlan(t.db);
    const activity = await plan.byKey('activity', 'hyrbemanning');
    const { cursor } = await pullToHead(0);

    expect(await t.db.transaction((tx) => deleteRecord(tx, 'activity', activity.id))).toBe(true);

    const page = await pull(cursor);
    expect(page.changes).toEqual([{ entity: 'activity', id: activity.id, seq: cursor + 1, deleted: true, record: null }]);
    expect(page.cursor).toBe(cursor + 1);
    expect((await t.json(`/api/activities/${activity.id}`)).status).toBe(404);
  });

  it('answers reset when since is beyond the head (a cursor from another database)', async () => {
    await importTestPlan(t.db);
    const head = await currentSeq(t.db);

    expect(await pull(head)).toMatchObject({ changes: [], cursor: head, hasMore: false, reset: false });
    expect(await pull(head + 1)).toMatchObject({ changes: [], cursor: 0, hasMore: true, reset: true });
    expect(await pull(999_999_999_999_999)).toMatchObject({ changes: [], reset: true });
  });

  it('answers reset to a copy from another database identity (a restored backup), even with a cursor it reaches', async () => {
    await importTestPlan(t.db);
    const head = await currentSeq(t.db);
    const { body: first } = await t.json(`/api/sync/pull?since=${head}`);
    expect(first.epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.json(`/api/sync/pull?since=${head}&epoch=${first.epoch}`)).body).toMatchObject({ reset: false, cursor: head });

    const renewed = await renewServerIdentity(t.db);
    expect(renewed).not.toBe(first.epoch);
    expect((await t.json(`/api/sync/pull?since=${head}&epoch=${first.epoch}`)).body).toMatchObject({ changes: [], cursor: 0, reset: true, epoch: renewed });
    expect((await t.json(`/api/sync/pull?since=0&epoch=${first.epoch}`)).body, 'a load from the start is a load afresh').toMatchObject({ reset: false });
    const bad = await t.json(`/api/sync/pull?since=${head}&epoch=${'x'.repeat(5000)}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('epoch');
  });

  it('never skips or repeats a change when paging with small limits while records change between pages', async () => {
    const plan = await importTestPlan(t.db);
    const activity = await plan.byKey('activity', 'webbtidbocker');
    const next = random(20250101);
    const WRITES_PER_RUN = 12;
    let written = 0;

    // Rewrites a record the device has already pulled or not yet reached, adds one, or deletes one.
    const writeSomething = async () => {
      written++;
      const rows = await t.db.query<{ id: string; entity: EntityName; data: Record<string, unknown> }>(
        'SELECT id, entity, data FROM records WHERE plan_id = $1 AND NOT deleted ORDER BY seq',
        [plan.planId],
      );
      const row = rows[Math.floor(next() * rows.length)];
      const choice = next();
      await t.db.transaction(async (tx) => {
        if (choice < 0.5 && row) await putRecords(tx, row.entity, [{ ...row.data, id: row.id, order: 100 + written } as RecordInput<EntityName>]);
        else if (choice < 0.8 || !row) await putRecords(tx, 'activityUpdate', [activityUpdate(activity.id, activity.unitId, `Ändring ${written}`)]);
        else await deleteRecord(tx, row.entity, row.id);
      });
    };

    for (const limit of [1, 2, 3, 5, 8]) {
      const replica = new Map<string, number | null>();
      let cursor = 0;
      // Done only when a pull made after the last write says there is no more.
      for (let writes = 0, done = false; !done; ) {
        const page = await pull(cursor, limit);
        expect(page.reset).toBe(false);
        expectOrderedAfter(page.changes, cursor);
        applyChanges(replica, page.changes);
        cursor = page.cursor;
        if (writes < WRITES_PER_RUN) {
          writes++;
          await writeSomething();
        } else done = !page.hasMore;
      }
      expect(replica, `limit ${limit}`).toEqual(await serverState());
      expect(cursor).toBe(await currentSeq(t.db));
    }
  });

  it('lets a puller see every record written by concurrent writers', async () => {
    const plan = await importTestPlan(t.db);
    const activity = await plan.byKey('activity', 'webbtidbocker');
    const { cursor: start } = await pullToHead(0);
    const next = random(7);
    const written = new Set<string>();
    const WRITERS = 20;
    const COMMITS = 10;

    let writing = true;
    const writers = Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let commit = 0; commit < COMMITS; commit++) {
          const updates = [activityUpdate(activity.id, activity.unitId, `Skrivare ${writer}, commit ${commit}`), activityUpdate(activity.id, activity.unitId, '…')];
          await t.db.transaction(async (tx) => {
            await sleep(next() * 3);
            await putRecords(tx, 'activityUpdate', updates);
            // Awaiting while holding the change counter is what a slow writer looks like to the puller.
            await sleep(next() * 3);
            await putRecords(tx, 'activity', [{ ...asInput(activity), latestComment: `Skrivare ${writer}, commit ${commit}` }]);
          });
          for (const update of updates) written.add(update.id);
        }
      }),
    ).finally(() => {
      writing = false;
    });

    const replica = new Map<string, number | null>();
    let cursor = start;
    const pullWhileWriting = async () => {
      while (writing) {
        const page = await pull(cursor, next() < 0.5 ? 1000 : 3);
        expect(page.reset).toBe(false);
        expectOrderedAfter(page.changes, cursor);
        applyChanges(replica, page.changes);
        cursor = page.cursor;
        await sleep(next() * 2);
      }
    };
    await Promise.all([writers, pullWhileWriting()]);
    const rest = await pullToHead(cursor, 5);
    applyChanges(replica, rest.changes);

    expect(written.size).toBe(WRITERS * COMMITS * 2);
    expect([...written].filter((id) => replica.get(id) !== 1)).toEqual([]);
    const final = await serverState();
    expect(replica.get(activity.id)).toBe(final.get(activity.id));
    expect(replica.get(activity.id)).toBe(activity.version + WRITERS * COMMITS);
  });

  it.each([
    ['since', '-1'],
    ['since', 'abc'],
    ['since', '1e3'],
    ['since', '1.5'],
    ['since', ''],
    ['since', '9999999999999999'],
    ['since', 'echo-me'],
    ['limit', '0'],
    ['limit', '-5'],
    ['limit', '999999'],
    ['limit', '1e3'],
    ['limit', 'echo-me'],
  ])('rejects %s=%j with 400 and a message that does not echo it', async (name, value) => {
    const { status, body } = await t.json(`/api/sync/pull?${name}=${encodeURIComponent(value)}`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code: 'invalid_input', message: expect.stringContaining(name) } });
    if (value.length > 1) expect(body.error.message).not.toContain(value);
  });
});
