import { isFinished, planReportPoints } from '@shared/logic/calendar.ts';
import type { Database } from '../../db/database.ts';
import { enqueueMail } from '../../db/mailQueue.ts';
import { listRecords } from '../../db/records.ts';
import { listUsers } from '../../db/users.ts';
import { Access } from '../access.ts';
import { remindersDue, type PlanToRemind, type Recipient, type ReminderSettings } from './remindersDue.ts';

/** Every plan still being reported, with what its units' readiness is counted from. */
async function plansToRemind(db: Database, today: Date): Promise<PlanToRemind[]> {
  const units = await listRecords(db, 'unit');
  const unitNames = new Map(units.map((u) => [u.id, u.shortName || u.name]));
  const plans = (await listRecords(db, 'plan')).filter((plan) => !isFinished(planReportPoints(plan), new Date(today.getTime() - 15 * 86_400_000)));
  return Promise.all(
    plans.map(async (plan) => {
      const scope = { planId: plan.id };
      const [goals, indicators, activities, readiness] = await Promise.all([
        listRecords(db, 'goal', scope),
        listRecords(db, 'indicator', scope),
        listRecords(db, 'activity', scope),
        listRecords(db, 'readiness', scope),
      ]);
      const [outcomes, assessments, updates] = await Promise.all([
        listRecords(db, 'outcome', { parentIds: indicators.map((i) => i.id) }),
        listRecords(db, 'goalAssessment', { parentIds: goals.map((g) => g.id) }),
        listRecords(db, 'activityUpdate', { parentIds: activities.map((a) => a.id) }),
      ]);
      return { records: { plan, goals, indicators, activities, outcomes, assessments, updates, readiness }, unitNames };
    }),
  );
}

/** The active rapportörer, each with the units their rapportör grants reach (a controller's or reader's grants remind of nothing). */
async function recipients(db: Database): Promise<Recipient[]> {
  const units = (await listRecords(db, 'unit')).map((u) => ({ id: u.id, parentId: u.parentId }));
  return (await listUsers(db)).flatMap((user) => {
    const grants = user.grants.filter((g) => g.role === 'rapportör');
    if (!user.active || grants.length === 0) return [];
    const access = new Access({ id: user.id, name: user.name, email: user.email, grants, scopeVersion: 0 }, units);
    return [{ id: user.id, name: user.name, email: user.email, unitIds: [...access.writableUnitIds] }];
  });
}

/**
 * Queues the reminders due at `now`. Safe to run as often as wanted and from every server process at
 * once: each reminder has its key, and a key queued before is not queued again. Answers how many were new.
 */
export async function scheduleReminders(db: Database, settings: ReminderSettings, now = new Date()): Promise<number> {
  const firsts = await db.query<{ dedupe_key: string; created_at: Date | string }>(`SELECT dedupe_key, created_at FROM mail_queue WHERE dedupe_key LIKE 'first:%'`);
  const firstQueuedAt = new Map(firsts.map((row) => [row.dedupe_key, new Date(row.created_at)]));
  const mails = remindersDue(await plansToRemind(db, now), await recipients(db), now, settings, firstQueuedAt);
  return enqueueMail(db, mails);
}
