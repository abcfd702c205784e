import type { Database } from '../../db/database.ts';
import { MailSender, type MailSettings } from './mailSender.ts';
import type { ReminderSettings } from './remindersDue.ts';
import { scheduleReminders } from './scheduleReminders.ts';
import { log } from '../log.ts';

export interface ReminderWorkerOptions {
  mail: MailSettings;
  reminders: ReminderSettings;
  scheduleEveryMs?: number;
  sendEveryMs?: number;
  /** Whether this process leads the scheduled jobs (see jobs/leadership.ts); the others leave the work to it. */
  leads?: () => boolean;
}

export interface ReminderWorker {
  /** Schedules and sends at once (on start, and for tests). */
  runNow(): Promise<void>;
  /** Stops the timers and waits for a run in progress to end. */
  stop(): Promise<void>;
}

/**
 * The server process's part in reminding: every `scheduleEveryMs` it queues the reminders due, every
 * `sendEveryMs` it sends what is queued, when it leads the scheduled jobs. The queue's keys and claims would
 * keep a reminder from being queued or sent twice even without the lead. A failing run is logged and tried at the next tick.
 */
export function startReminderWorker(db: Database, { mail, reminders, scheduleEveryMs = 15 * 60_000, sendEveryMs = 30_000, leads = () => true }: ReminderWorkerOptions): ReminderWorker {
  const sender = new MailSender(db, mail);
  let running: Promise<void> = Promise.resolve();
  const serially = (work: () => Promise<unknown>) => {
    if (!leads()) return running;
    running = running.then(work).then(
      () => undefined,
      (error: unknown) => log().error({ err: error }, 'reminders failed'),
    );
    return running;
  };
  const schedule = () => serially(() => scheduleReminders(db, reminders));
  const send = () => serially(() => sender.sendDue());
  const timers = [setInterval(() => void schedule(), scheduleEveryMs), setInterval(() => void send(), sendEveryMs)];
  for (const timer of timers) timer.unref();
  const runNow = async () => {
    await schedule();
    await send();
  };
  void runNow();
  return {
    runNow,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await running;
      sender.close();
    },
  };
}
