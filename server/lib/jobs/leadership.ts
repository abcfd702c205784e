import type { Database, HeldLock } from '../../db/database.ts';
import { log } from '../log.ts';

export interface Leadership {
  /** Whether this process runs the scheduled jobs now. */
  leads(): boolean;
  /** Gives the lead up (a stop), so another process takes it at its next check. */
  stop(): Promise<void>;
}

const LOCK_NAME = 'malbild-scheduled-jobs';

/**
 * One server process among several on the database leads: it holds a PostgreSQL advisory lock, and only
 * it runs the scheduled jobs (reminders, the nightly Kolada fetch, cleanup). Every `checkEveryMs` the
 * others try to take the lock and the leader checks it still has it, so a leader that dies (its
 * connection drops the lock) is replaced within one check. The jobs are safe to run twice all the same
 * (keyed queues, claimed runs); the lead keeps them from doing the same work in every process.
 */
export async function startLeadership(db: Database, { checkEveryMs = 15_000 }: { checkEveryMs?: number } = {}): Promise<Leadership> {
  let lock: HeldLock | null = null;
  let stopped = false;
  const check = async () => {
    if (stopped) return;
    if (lock && !(await lock.held())) {
      log().warn('Ledarskapet för de schemalagda jobben förlorades (databasanslutningen bröts).');
      await lock.release();
      lock = null;
    }
    if (!lock) {
      lock = await db.tryHoldLock(LOCK_NAME);
      if (lock) log().info('Den här processen kör de schemalagda jobben (påminnelser, Kolada, städning).');
    }
  };
  let checking = check();
  await checking;
  const timer = setInterval(() => {
    checking = checking.then(check).catch((error: unknown) => log().error({ err: error }, 'leadership check failed'));
  }, checkEveryMs);
  timer.unref();
  return {
    leads: () => lock !== null && !stopped,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await checking;
      await lock?.release();
      lock = null;
    },
  };
}
