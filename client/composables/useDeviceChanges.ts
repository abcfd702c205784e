import type { RouteLocationRaw } from 'vue-router';
import type { Activity } from '@shared/schemas/activity.ts';
import type { Goal, GoalAssessment } from '@shared/schemas/goal.ts';
import type { Indicator } from '@shared/schemas/indicator.ts';
import type { Outcome } from '@shared/schemas/outcome.ts';
import { deviceDb } from '../db/deviceDb.ts';
import type { OutboxEntry } from '../db/database.ts';
import { formatPeriod, formatValue } from '../format.ts';
import { t } from '../strings/index.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/** A change made on this device, in words: what it is about, what it does, and where to see it. */
export interface DescribedChange {
  entry: OutboxEntry;
  subject: string;
  change: string;
  link: RouteLocationRaw | null;
}

/** A record on the device that holds values someone must choose between. */
export type ConflictOnDevice =
  | { kind: 'activity'; id: string; subject: string; link: RouteLocationRaw; activity: Activity }
  | { kind: 'outcome'; id: string; subject: string; link: RouteLocationRaw | null; indicator: Indicator; outcome: Outcome }
  | { kind: 'goalAssessment'; id: string; subject: string; link: RouteLocationRaw; assessment: GoalAssessment };

export interface DeviceChanges {
  pending: DescribedChange[];
  refused: DescribedChange[];
  conflicts: ConflictOnDevice[];
}

const activityLink = (activity: Activity): RouteLocationRaw => ({ name: 'activity', params: { planId: activity.planId, activityId: activity.id } });
const goalLink = (goal: Pick<Goal, 'planId' | 'id'>): RouteLocationRaw => ({ name: 'goal', params: { planId: goal.planId, goalId: goal.id } });
// Outcomes are entered under the goal the indicator measures.
const indicatorLink = (indicator: Indicator): RouteLocationRaw | null => {
  const goalId = indicator.goalIds[0];
  return goalId ? goalLink({ planId: indicator.planId, id: goalId }) : null;
};

function quoted(text: string | null | undefined): string {
  if (!text) return '';
  const short = text.length > 80 ? `${text.slice(0, 80).trimEnd()} …` : text;
  return `”${short}”`;
}

function describe(entry: OutboxEntry, records: { activities: Map<string, Activity>; indicators: Map<string, Indicator>; goals: Map<string, Goal> }): DescribedChange {
  const words = t.changes.describe;
  switch (entry.name) {
    case 'activity.update':
    case 'activity.resolve': {
      const activity = records.activities.get(entry.recordId);
      const status = entry.args.status ? t.activityStatus[entry.args.status] : null;
      const change =
        entry.name === 'activity.resolve'
          ? words.chosenStatus(status ?? t.activities.conflict.noStatus)
          : [status ? words.status(status) : null, entry.args.text ? words.comment(quoted(entry.args.text)) : null].filter(Boolean).join(' · ');
      return { entry, subject: activity ? `${activity.number}. ${activity.title}` : words.missingActivity, change, link: activity ? activityLink(activity) : null };
    }
    case 'outcome.set':
    case 'outcome.resolve': {
      const indicator = records.indicators.get(entry.recordId);
      const value = indicator ? formatValue(entry.args.value, indicator.measure) : String(entry.args.value);
      const period = formatPeriod(entry.args.period);
      const change = entry.name === 'outcome.resolve' ? words.chosenValue(period, value) : words.outcome(period, value);
      return { entry, subject: indicator?.name ?? words.missingIndicator, change, link: indicator ? indicatorLink(indicator) : null };
    }
    case 'goalAssessment.set':
    case 'goalAssessment.resolve': {
      const goal = records.goals.get(entry.recordId);
      const period = formatPeriod(entry.args.period);
      const assessment = t.assessment[entry.args.assessment];
      const change = entry.name === 'goalAssessment.resolve' ? words.chosenAssessment(period, assessment) : words.assessment(period, assessment);
      return { entry, subject: goal?.title ?? words.missingGoal, change, link: goal ? goalLink(goal) : null };
    }
  }
}

const byId = <T extends { id: string }>(records: (T | undefined)[]) => new Map(records.filter((r): r is T => !!r).map((r) => [r.id, r]));

/**
 * Everything on this device the server does not agree with yet: changes waiting to be sent, changes the
 * server refused (with its reason), and records holding a conflict to settle, each described in words.
 */
export function useDeviceChanges() {
  return useLiveQuery(async (): Promise<DeviceChanges> => {
    const [outbox, conflictedActivities, conflictedOutcomes, conflictedAssessments] = await Promise.all([
      deviceDb.outbox.orderBy('order').toArray(),
      deviceDb.activity.where('conflicts.length').above(0).toArray(),
      deviceDb.outcome.where('conflicts.length').above(0).toArray(),
      deviceDb.goalAssessment.where('conflicts.length').above(0).toArray(),
    ]);
    const kindOf = (entry: OutboxEntry) => entry.name.split('.')[0];
    const idsOf = (kind: string) => [...new Set(outbox.filter((e) => kindOf(e) === kind).map((e) => e.recordId))];
    const [activities, indicators, goals] = await Promise.all([
      deviceDb.activity.bulkGet(idsOf('activity')),
      deviceDb.indicator.bulkGet([...new Set([...idsOf('outcome'), ...conflictedOutcomes.map((o) => o.indicatorId)])]),
      deviceDb.goal.bulkGet([...new Set([...idsOf('goalAssessment'), ...conflictedAssessments.map((a) => a.goalId)])]),
    ]);
    const records = { activities: byId(activities), indicators: byId(indicators), goals: byId(goals) };
    const described = outbox.map((entry) => describe(entry, records));
    const conflicts: ConflictOnDevice[] = [
      ...conflictedActivities.map((activity) => ({ kind: 'activity' as const, id: activity.id, subject: `${activity.number}. ${activity.title}`, link: activityLink(activity), activity })),
      ...conflictedOutcomes.flatMap((outcome) => {
        const indicator = records.indicators.get(outcome.indicatorId);
        return indicator ? [{ kind: 'outcome' as const, id: outcome.id, subject: indicator.name, link: indicatorLink(indicator), indicator, outcome }] : [];
      }),
      ...conflictedAssessments.flatMap((assessment) => {
        const goal = records.goals.get(assessment.goalId);
        return goal ? [{ kind: 'goalAssessment' as const, id: assessment.id, subject: goal.title, link: goalLink(goal), assessment }] : [];
      }),
    ];
    return {
      pending: described.filter((c) => c.entry.state === 'pending'),
      refused: described.filter((c) => c.entry.state !== 'pending'),
      conflicts,
    };
  });
}
