import 'fake-indexeddb/auto';
import { historyId } from '@shared/logic/recordIds.ts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '@shared/schemas/activity.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { recordChange } from '../../client/sync/outbox.ts';
import { pull } from '../../client/sync/pull.ts';
import { pushOutbox, type SendBatch } from '../../client/sync/push.ts';
import { DEMO_PASSWORD } from '../../server/demo/demoAccounts.ts';
import { freshServerDatabase, type ServerDatabase } from '../fixtures/serverDatabase.ts';
import { ChildServer } from './childServer.ts';
import { cookieTransport, httpDevice, signIn, type HttpDevice } from './httpDevice.ts';
import { readLedger } from './ledger.ts';
import { seededRandom } from '../../server/demo/prng.ts';
import { deviceSnapshot, serverSnapshot, snapshotDifferences } from './snapshot.ts';

const CHANGES = 800;
const BATCH = 200;
const random = seededRandom(20260101);

let database: ServerDatabase;
let server: ChildServer;

beforeAll(async () => {
  database = await freshServerDatabase('restart');
  server = await ChildServer.start(database, { demo: true });
}, 120_000);
afterAll(async () => {
  await server?.kill();
  await database?.remove();
});

/**
 * The BUP rapportör's phone, offline for a while: comments on BUP's activity and outcomes for BUP's
 * indicators, each outcome in a cell of its own (so the expected end state is plain: every comment in
 * the history once, every value in its cell).
 */
async function recordOfflineChanges(device: HttpDevice, bupUnitId: string): Promise<Mutation[]> {
  const activity = (await device.db.activity.filter((a) => a.unitId === bupUnitId).first()) as Activity;
  const indicators = await device.db.indicator.filter((i) => i.unitId === bupUnitId).toArray();
  expect(indicators.length).toBeGreaterThan(0);
  const cells = indicators.flatMap((indicator) =>
    Array.from({ length: 12 * 25 }, (_, m) => ({ indicator, period: `${2002 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}` })),
  );
  const mutations: Mutation[] = [];
  for (let n = 0; n < CHANGES; n++) {
    const createdAt = new Date().toISOString();
    const mutation: Mutation = random.chance(0.5)
      ? {
          id: randomUUID(),
          name: 'activity.update',
          recordId: activity.id,
          createdAt,
          args: { status: null, statusParts: null, text: `Kommentar ${n} från källaren.`, baseVersion: activity.version, writtenAt: createdAt },
        }
      : (() => {
          const { indicator, period } = cells.splice(random.int(0, cells.length - 1), 1)[0]!;
          const value = indicator.measure === '%' ? random.int(0, 1000) / 10 : random.int(0, 500);
          return { id: randomUUID(), name: 'outcome.set', recordId: indicator.id, createdAt, args: { period, subSeriesKey: null, gender: 'T', value, comment: `Utfall ${n}`, baseVersion: null } };
        })();
    await recordChange(device.db, mutation, device.author);
    mutations.push(mutation);
  }
  return mutations;
}

/** History entries of the activity that belong to `ids`, as the API shows them. */
async function appliedOf(device: HttpDevice, activityId: string, ids: Set<string>): Promise<number> {
  const response = await device.transport(`/api/activities/${activityId}`, {});
  if (!response.ok) return -1;
  const { updates } = (await response.json()) as { updates: { id: string }[] };
  return updates.filter((u) => ids.has(u.id)).length;
}

describe('the server process killed (SIGKILL) in the middle of a push', () => {
  it('keeps every change exactly once and the session, once the device has pushed again', async () => {
    const cookie = await signIn(server.baseURL, 'bup@malbild.example', DEMO_PASSWORD);
    const device = await httpDevice('bup', cookieTransport(() => server.baseURL, cookie));
    await pull(device.db, device.fetchPage);
    const bupUnitId = (await device.db.unit.filter((u) => u.key === 'bup').first())!.id;
    const mutations = await recordOfflineChanges(device, bupUnitId);
    const activityId = mutations.find((m) => m.name === 'activity.update')!.recordId;

    // The third batch is the one cut off: the process is killed half as long after it was sent as the
    // second batch took to answer (the first one warms the server up), so while it works through it.
    let batches = 0;
    let timedBatchMs = 0;
    let killedBatch = new Set<string>();
    const killingSender: SendBatch = async (batch) => {
      batches++;
      const started = performance.now();
      if (batches < 3) {
        const answer = await device.send(batch);
        timedBatchMs = performance.now() - started;
        return answer;
      }
      if (batches > 3) throw new Error('pushOutbox went on after the server was killed');
      killedBatch = new Set(batch.filter((m) => m.name === 'activity.update').map((m) => historyId(m.id)));
      const killed = new Promise((resolve) => setTimeout(resolve, timedBatchMs / 2)).then(() => server.kill());
      const answer = await device.send(batch);
      await killed;
      return answer;
    };
    const cut = await pushOutbox(device.db, killingSender);
    expect(cut).toMatchObject({ stopped: 'unreachable', sent: 2 * BATCH });
    expect(await device.db.outbox.count()).toBe(CHANGES - 2 * BATCH);

    // Down: the device keeps everything and keeps trying.
    expect(await pushOutbox(device.db, device.send)).toEqual({ sent: 0, conflicts: 0, rejected: 0, stopped: 'unreachable' });
    expect(await device.db.outbox.count()).toBe(CHANGES - 2 * BATCH);

    await server.start();
    const me = await device.transport('/api/auth/me', {});
    expect(me.status, 'the session cookie from before the crash still signs in').toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('bup@malbild.example');
    // What the killed server had committed of the cut-off batch is still there after the restart, and not all of it was.
    const survived = await appliedOf(device, activityId, killedBatch);
    expect(survived, 'part of the cut-off batch was committed before the kill').toBeGreaterThan(0);
    expect(survived, 'the kill came before the whole batch was committed').toBeLessThan(killedBatch.size);

    for (let attempt = 0; attempt < 5 && (await device.db.outbox.count()) > 0; attempt++) {
      const again = await pushOutbox(device.db, device.send);
      expect(again.rejected).toBe(0);
    }
    expect(await device.db.outbox.count()).toBe(0);
    await pull(device.db, device.fetchPage);
    expect(snapshotDifferences(await deviceSnapshot(device.db), await serverSnapshot(device.fetchPage))).toEqual([]);

    // The database itself: every mutation answered once, applied once (one audit line), nothing else added.
    await server.stop();
    const db = await database.open();
    try {
      const ids = mutations.map((m) => m.id);
      const ledger = await readLedger(db, ids);
      expect([...ledger.status.values()].filter((s) => s === 'applied')).toHaveLength(CHANGES);
      expect(ids.filter((id) => ledger.auditLines.get(id) !== 1)).toEqual([]);
      const comments = mutations.filter((m) => m.name === 'activity.update');
      expect(comments.filter((m) => !ledger.historyEntries.has(m.id))).toEqual([]);
      // In the order they were made: the server's receive times follow the device's order.
      const [order] = await db.query<{ ids: string[] }>(
        `SELECT array_agg(id::text ORDER BY data->>'createdAt', seq) AS ids FROM records WHERE entity = 'activityUpdate' AND id = ANY($1::uuid[])`,
        [comments.map((m) => historyId(m.id))],
      );
      expect(order!.ids).toEqual(comments.map((m) => historyId(m.id)));
      const [counts] = await db.query<{ updates: number; outcomes: number }>(
        `SELECT count(*) FILTER (WHERE entity = 'activityUpdate' AND data->>'authorName' LIKE 'Bo Rapportör%')::int AS updates,
                count(*) FILTER (WHERE entity = 'outcome' AND data->>'enteredBy' LIKE 'Bo Rapportör%')::int AS outcomes
           FROM records WHERE NOT deleted`,
      );
      expect(counts).toEqual({ updates: comments.length, outcomes: CHANGES - comments.length });
    } finally {
      await db.close();
    }
  }, 180_000);
});
