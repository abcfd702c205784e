import { dayEnd, planReportPoints } from '@shared/logic/calendar.ts';
import { closureOf } from '@shared/logic/periodClose.ts';
import { owesAnything, readinessAt, type ReadinessRecords, type UnitReadiness } from '@shared/logic/unitReadiness.ts';
import type { ReportPoint } from '@shared/schemas/calendar.ts';
import type { QueuedMail } from '../../db/mailQueue.ts';
import { daysText, deadlineText, owedLines, reminderWords as W } from './reminderWords.ts';

const DAY = 86_400_000;
/** A missed deadline is mentioned once, and only while it is recent: a plan left unclosed for months does not keep writing. */
const MISSED_WITHIN_DAYS = 14;

export interface ReminderSettings {
  /** Days before a deadline the first reminder goes out. */
  firstDays: number;
  /** The app's address as its users reach it, for the links. */
  publicUrl: string;
}

/** Someone reminded: a rapportör, with the units they report for. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
  unitIds: string[];
}

export interface PlanToRemind {
  records: ReadinessRecords;
  unitNames: ReadonlyMap<string, string>;
}

interface Owing {
  plan: PlanToRemind;
  point: ReportPoint;
  units: UnitReadiness[];
  /** Whole days from today to the end of the deadline day (negative once past). */
  days: number;
}

/** The start of the Monday of the week `date` is in. */
function mondayOf(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day;
}

function section(owing: Owing, settings: ReminderSettings, missed: boolean): string {
  const { plan, point, units } = owing;
  const head = missed
    ? W.missed(point.name, plan.records.plan.name, deadlineText(point.deadline))
    : W.due(point.name, plan.records.plan.name, deadlineText(point.deadline), daysText(owing.days));
  const owed = units.flatMap((unit) => [plan.unitNames.get(unit.unitId) ?? '', ...owedLines(unit), '']);
  return [head, '', W.missing, '', ...owed, W.open(`${settings.publicUrl}/planer/${plan.records.plan.id}/mina-uppgifter`)].join('\n');
}

function mail(recipient: Recipient, dedupeKey: string, subject: string, sections: string[], owing: Owing[]): QueuedMail {
  const unitNames = [...new Set(owing.flatMap((o) => o.units.map((u) => o.plan.unitNames.get(u.unitId) ?? '')))].join(', ');
  return { dedupeKey, recipient: recipient.email, subject, body: [W.greeting(recipient.name), '', ...sections.flatMap((s) => [s, '']), W.markReady, '', W.footer(unitNames), ''].join('\n') };
}

/**
 * The reminders due today, each under the key that makes it go out once: the first reminder of a report
 * point `firstDays` before its deadline, a weekly digest of every point still owed from the week after
 * until the deadline, and one word after a missed deadline (while the point stays open). A person hears
 * only of their own units, and only of what those units still owe and have not marked ready. A point is
 * in a week's digest once its first reminder went out in an earlier week (`firstQueuedAt`, by key), so
 * no one gets both in the same week.
 */
export function remindersDue(
  plans: readonly PlanToRemind[],
  recipients: readonly Recipient[],
  today: Date,
  settings: ReminderSettings,
  firstQueuedAt: ReadonlyMap<string, Date>,
): QueuedMail[] {
  const monday = mondayOf(today);
  const mails: QueuedMail[] = [];
  for (const recipient of recipients) {
    const owing: Owing[] = plans.flatMap((plan) =>
      planReportPoints(plan.records.plan)
        .filter((point) => !closureOf(plan.records.plan, point.period))
        .map((point) => ({
          plan,
          point,
          units: readinessAt(plan.records, point, recipient.unitIds).filter((u) => owesAnything(u) && u.ready?.ready !== true),
          days: Math.floor((dayEnd(point.deadline).getTime() - today.getTime()) / DAY),
        }))
        .filter((o) => o.units.length > 0),
    );
    const key = (kind: string, o: Owing) => `${kind}:${o.plan.records.plan.id}:${o.point.period}:${recipient.id}`;
    const digest: Owing[] = [];
    for (const o of owing) {
      if (o.days < 0 && o.days >= -MISSED_WITHIN_DAYS) {
        mails.push(mail(recipient, key('missed', o), W.missedSubject(o.point.name), [section(o, settings, true)], [o]));
      } else if (o.days >= 0 && o.days < settings.firstDays) {
        mails.push(mail(recipient, key('first', o), W.firstSubject(o.point.name, deadlineText(o.point.deadline)), [section(o, settings, false)], [o]));
        const first = firstQueuedAt.get(key('first', o));
        if (first && first < monday) digest.push(o);
      }
    }
    if (digest.length > 0) {
      mails.push(mail(recipient, `digest:${monday.toISOString().slice(0, 10)}:${recipient.id}`, W.digestSubject(digest.length), digest.map((o) => section(o, settings, false)), digest));
    }
  }
  return mails;
}
