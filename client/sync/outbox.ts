import { assessmentId, outcomeId } from '@shared/logic/recordIds.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import type { MalbildDb, OutboxEntry } from '../db/database.ts';

export type Author = OutboxEntry['author'];

/**
 * What a mutation does to the device's own tables, so the person sees their change at once. Run when the
 * change is made and again after every pull, so that server data arriving before the change has been
 * sent never hides it (the change is rebased on top of the newer server state).
 */
export async function applyLocally(db: MalbildDb, mutation: Mutation, author: Author): Promise<void> {
  switch (mutation.name) {
    case 'activity.update': {
      const activity = await db.activity.get(mutation.recordId);
      if (!activity) return;
      const { status, statusParts, text } = mutation.args;
      await db.activity.put({
        ...activity,
        status: status ?? activity.status,
        statusParts: statusParts ?? (status ? null : activity.statusParts),
        latestComment: text ?? activity.latestComment,
      });
      if (!(await db.activityUpdate.get(mutation.id))) {
        await db.activityUpdate.put({
          id: mutation.id,
          // Version 0 marks a history entry the server has not confirmed yet.
          version: 0,
          seq: 0,
          activityId: activity.id,
          unitId: activity.unitId,
          authorName: author.name,
          authorId: author.id,
          createdAt: mutation.createdAt,
          writtenAt: mutation.args.writtenAt ?? mutation.createdAt,
          fromStatus: activity.status,
          toStatus: status ?? activity.status,
          statusParts: statusParts ?? null,
          text: text ?? null,
          period: null,
          conflict: false,
        });
      }
      return;
    }
    case 'activity.resolve': {
      const activity = await db.activity.get(mutation.recordId);
      if (!activity) return;
      const settles = new Set(mutation.args.settles);
      await db.activity.put({
        ...activity,
        status: mutation.args.status,
        statusParts: mutation.args.statusParts ?? null,
        conflicts: activity.conflicts.filter((k) => !settles.has(k.mutationId)),
      });
      return;
    }
    case 'outcome.set':
    case 'outcome.resolve': {
      const indicator = await db.indicator.get(mutation.recordId);
      if (!indicator) return;
      const { period, subSeriesKey = null, gender = 'T', value, comment = null } = mutation.args;
      const id = outcomeId(indicator.id, period, subSeriesKey, gender);
      const current = await db.outcome.get(id);
      const settles = new Set(mutation.name === 'outcome.resolve' ? mutation.args.settles : []);
      await db.outcome.put({
        id,
        version: current?.version ?? 0,
        seq: current?.seq ?? 0,
        indicatorId: indicator.id,
        unitId: indicator.unitId,
        subSeriesKey,
        gender,
        period,
        value,
        nationalAverage: current?.nationalAverage ?? null,
        comment,
        source: 'manuell',
        enteredBy: author.name,
        conflicts: (current?.conflicts ?? []).filter((k) => !settles.has(k.mutationId)),
      });
      return;
    }
    case 'goalAssessment.set':
    case 'goalAssessment.resolve': {
      const goal = await db.goal.get(mutation.recordId);
      if (!goal) return;
      const { period, assessment, analysis = null } = mutation.args;
      const id = assessmentId(goal.id, period);
      const current = await db.goalAssessment.get(id);
      const settles = new Set(mutation.name === 'goalAssessment.resolve' ? mutation.args.settles : []);
      await db.goalAssessment.put({
        id,
        version: current?.version ?? 0,
        seq: current?.seq ?? 0,
        goalId: goal.id,
        unitId: goal.unitId,
        period,
        assessment,
        analysis,
        conflicts: (current?.conflicts ?? []).filter((k) => !settles.has(k.mutationId)),
      });
    }
  }
}

/** Records a change: applied to the device's tables and queued for the server, in one transaction. */
export async function recordChange(db: MalbildDb, mutation: Mutation, author: Author): Promise<void> {
  await db.transaction('rw', localChangeTables(db), async () => {
    await applyLocally(db, mutation, author);
    await db.outbox.add({ ...mutation, author, state: 'pending', message: null });
  });
}

/** The tables a local change touches, for transactions that include `applyLocally`. */
export const localChangeTables = (db: MalbildDb) => [db.outbox, db.activity, db.activityUpdate, db.indicator, db.outcome, db.goal, db.goalAssessment];

/** Re-applies every change still waiting to be sent (call inside a transaction over `localChangeTables`). */
export async function reapplyPending(db: MalbildDb): Promise<void> {
  for (const entry of await db.outbox.where('state').equals('pending').sortBy('order')) await applyLocally(db, entry, entry.author);
}
