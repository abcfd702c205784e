import type { Database } from '../../db/database.ts';
import { removeExpired } from '../../db/expired.ts';
import { ATTEMPT_WINDOW_SECONDS, LOCK_MINUTES } from '../loginThrottle.ts';
import { log } from '../log.ts';
import type { Leadership } from './leadership.ts';

/** Removes expired sessions and spent sign-in counts now and then, in the leading process only. */
export function scheduleCleanup(db: Database, leadership: Leadership, everyMs = 10 * 60_000): () => void {
  const run = async () => {
    if (!leadership.leads()) return;
    try {
      const removed = await removeExpired(db, { attemptSeconds: ATTEMPT_WINDOW_SECONDS, failureMinutes: LOCK_MINUTES });
      if (Object.values(removed).some((count) => count > 0)) log().info({ removed }, 'cleanup');
    } catch (error) {
      log().error({ err: error }, 'cleanup failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
