import type { RouteLocationRaw } from 'vue-router';
import type { Activity } from '@shared/schemas/activity.ts';
import type { Assignment } from '@shared/schemas/assignment.ts';
import type { Goal, GoalAssessment } from '@shared/schemas/goal.ts';
import type { Indicator } from '@shared/schemas/indicator.ts';
import type { Outcome } from '@shared/schemas/outcome.ts';
import { kindOf } from '@shared/mutations/kinds.ts';
import type { EntityName } from '@shared/schemas/entities.ts';
import { deviceDb } from '../db/deviceDb.ts';
import type { OutboxEntry } from '../db/database.ts';
import { changeWords } from '../strings/changeWords.ts';
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
  | { kind: 'goalAssessment'; id: string; subject: string; link: RouteLocationRaw; assessment: GoalAssessment }
  | { kind: 'assignment'; id: string; subject: string; link: RouteLocationRaw; assignment: Assignment };

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

/** What a change is about, in words, and where to see it: by the kind of record it names. */
const SUBJECTS: Partial<Record<EntityName, (record: never) => { subject: string; link: RouteLocationRaw | null }>> = {
  activity: (activity: Activity) => ({ subject: `${activity.number}. ${activity.title}`, link: activityLink(activity) }),
  indicator: (indicator: Indicator) => ({ subject: indicator.name, link: indicatorLink(indicator) }),
  goal: (goal: Goal) => ({ subject: goal.title, link: goalLink(goal) }),
  assignment: (assignment: Assignment) => ({ subject: assignmentSubject(assignment), link: assignmentLink(assignment) }),
};

function describe(entry: OutboxEntry, parents: Map<string, unknown>): DescribedChange {
  const kind = kindOf(entry.name);
  const parent = parents.get(entry.recordId);
  const about = parent ? SUBJECTS[kind.parent]?.(parent as never) : undefined;
  return { entry, subject: about?.subject ?? t.changes.describe.missing, change: kind.describe(entry.args, parent as never, changeWords), link: about?.link ?? null };
}

const assignmentLink = (assignment: Assignment): RouteLocationRaw => ({ name: 'assignments', params: { planId: assignment.planId }, hash: `#uppdrag-${assignment.id}` });
const assignmentSubject = (assignment: Assignment) => [assignment.code, assignment.text].filter(Boolean).join(' ') || t.assignments.noText;

const byId = <T extends { id: string }>(records: (T | undefined)[]) => new Map(records.filter((r): r is T => !!r).map((r) => [r.id, r]));

/**
 * Everything on this device the server does not agree with yet: changes waiting to be sent, changes the
 * server refused (with its reason), and records holding a conflict to settle, each described in words.
 */
export function useDeviceChanges() {
  return useLiveQuery(async (): Promise<DeviceChanges> => {
    const [outbox, conflictedActivities, conflictedOutcomes, conflictedAssessments, conflictedAssignments] = await Promise.all([
      deviceDb.outbox.orderBy('order').toArray(),
      deviceDb.activity.where('conflicts.length').above(0).toArray(),
      deviceDb.outcome.where('conflicts.length').above(0).toArray(),
      deviceDb.goalAssessment.where('conflicts.length').above(0).toArray(),
      deviceDb.assignment.where('conflicts.length').above(0).toArray(),
    ]);
    const parentIds = new Map<EntityName, Set<string>>();
    for (const entry of outbox) {
      const { parent } = kindOf(entry.name);
      parentIds.set(parent, (parentIds.get(parent) ?? new Set()).add(entry.recordId));
    }
    const parents = new Map<string, unknown>();
    for (const [entity, ids] of parentIds) for (const record of await deviceDb.table(entity).bulkGet([...ids])) if (record) parents.set(record.id, record);
    const [indicators, goals] = await Promise.all([
      deviceDb.indicator.bulkGet([...new Set(conflictedOutcomes.map((o) => o.indicatorId))]),
      deviceDb.goal.bulkGet([...new Set(conflictedAssessments.map((a) => a.goalId))]),
    ]);
    const records = { indicators: byId(indicators), goals: byId(goals) };
    const described = outbox.map((entry) => describe(entry, parents));
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
      ...conflictedAssignments.map((assignment) => ({ kind: 'assignment' as const, id: assignment.id, subject: assignmentSubject(assignment), link: assignmentLink(assignment), assignment })),
    ];
    return {
      pending: described.filter((c) => c.entry.state === 'pending'),
      refused: described.filter((c) => c.entry.state !== 'pending'),
      conflicts,
    };
  });
}
