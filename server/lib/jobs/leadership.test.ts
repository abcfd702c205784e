import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reopenableTestDatabase } from '../../../tests/fixtures/testDb.ts';
import type { Database } from '../../db/database.ts';
import { startLeadership } from './leadership.ts';

/**
 * Two handles on one database are two server processes: each its own pool of connections, as separate
 * processes have. PGlite's folder opens in one process only, so there the one process always leads.
 */
let storage: Awaited<ReturnType<typeof reopenableTestDatabase>>;
let first: Database;
beforeAll(async () => {
  storage = await reopenableTestDatabase();
  first = await storage.open();
});
afterAll(async () => {
  await first.close();
  await storage.remove();
});

const CHECK_MS = 100;

describe('the lead of the scheduled jobs', () => {
  it('is held by one process at a time and passes to another when the leader stops or its connection dies', async () => {
    const leader = await startLeadership(first, { checkEveryMs: CHECK_MS });
    expect(leader.leads()).toBe(true);
    if (first.kind === 'pglite') {
      await leader.stop();
      expect(leader.leads(), 'a stopped process leads nothing').toBe(false);
      return;
    }
    const second = await storage.open();
    const third = await storage.open();
    const waiting = await startLeadership(second, { checkEveryMs: CHECK_MS });
    const standby = await startLeadership(third, { checkEveryMs: CHECK_MS });
    const leaders = () => [waiting, standby].filter((l) => l.leads()).length;
    const holders = async () =>
      (await second.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid::bigint = (hashtext('malbild-scheduled-jobs:' || current_schema())::bigint & 4294967295)`,
      ))[0]!.n;
    try {
      expect(leaders(), 'while the first holds the lock').toBe(0);
      await leader.stop();
      await expect.poll(leaders, { timeout: 5000 }).toBe(1);

      // The leader's connection is cut (a network fault, a restarted pooler, a process gone): the lock goes
      // with it, the leader notices, and one process holds it again.
      await second.query(`SELECT pg_terminate_backend(pid) FROM pg_locks
          WHERE locktype = 'advisory' AND granted AND objid::bigint = (hashtext('malbild-scheduled-jobs:' || current_schema())::bigint & 4294967295)`);
      await expect.poll(holders, { timeout: 5000 }).toBe(1);
      await expect.poll(leaders, { timeout: 5000 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, CHECK_MS * 3));
      expect([leaders(), await holders()], 'never two leaders, never a leader without the lock').toEqual([1, 1]);
    } finally {
      await Promise.all([waiting.stop(), standby.stop()]);
      await Promise.all([second.close(), third.close()]);
    }
  }, 30_000);
});
