import type { Context } from 'hono';
import type { Activity, ActivityResolveInput, ActivityUpdate, ActivityUpdateInput } from '@shared/schemas/activity.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, putRecords, type RecordInput } from '../../db/records.ts';
import type { Access } from '../access.ts';
import type { AppEnv } from '../appEnv.ts';
import { audit } from '../audit.ts';
import { fail } from '../errors.ts';
import { changedByOthers } from './changedByOthers.ts';
import { lockRecord } from './lock.ts';
import type { Writer, WriteOutcome } from './result.ts';

const CONFLICT = 'Någon annan hann ändra aktivitetens status före dig. Båda ändringarna finns kvar – välj vilken som ska gälla.';

async function writableActivity(tx: Queryable, access: Access, activityId: string): Promise<Activity> {
  await lockRecord(tx, activityId);
  const activity = await getRecord(tx, 'activity', activityId);
  if (!activity || !access.canRead(activity.unitId)) return fail(404, 'not_found', 'Aktiviteten finns inte.');
  access.assertWrite(activity.unitId);
  return activity;
}

/** The history entry of a change to the activity, under the id the device chose for the change, received now. */
function historyEntry(
  activity: Activity,
  access: Access,
  writer: Writer,
  change: Pick<ActivityUpdate, 'toStatus' | 'statusParts' | 'text' | 'conflict'>,
): RecordInput<'activityUpdate'> {
  return {
    id: writer.mutationId,
    activityId: activity.id,
    unitId: activity.unitId,
    authorName: access.user.name,
    authorId: access.user.id,
    createdAt: new Date().toISOString(),
    writtenAt: writer.writtenAt,
    fromStatus: activity.status,
    period: null,
    ...change,
  };
}

/**
 * A status change and/or comment on an activity, kept in its history under the id the device chose. A
 * status change made on top of an older version than the one that stands does not replace it: it is kept
 * in the history and on the activity as a conflict for someone to settle, unless only the same device's
 * own changes came in between. A comment never conflicts.
 */
export async function applyActivityUpdate(
  tx: Queryable,
  c: Context<AppEnv>,
  access: Access,
  activityId: string,
  writer: Writer,
  input: ActivityUpdateInput,
): Promise<WriteOutcome<Activity>> {
  const activity = await writableActivity(tx, access, activityId);
  const proposesStatus = (!!input.status && input.status !== activity.status) || !!input.statusParts;
  const conflict = proposesStatus && (await changedByOthers(tx, writer, activityId, input.baseVersion, activity.version));
  const entry = historyEntry(activity, access, writer, {
    toStatus: input.status ?? activity.status,
    statusParts: input.statusParts ?? null,
    text: input.text ?? null,
    conflict,
  });
  await putRecords(tx, 'activityUpdate', [entry]);
  const next: Activity = conflict
    ? {
        ...activity,
        latestComment: input.text ?? activity.latestComment,
        conflicts: [
          ...activity.conflicts,
          {
            mutationId: writer.mutationId,
            authorId: access.user.id,
            authorName: access.user.name,
            receivedAt: entry.createdAt,
            writtenAt: entry.writtenAt,
            status: input.status ?? null,
            statusParts: input.statusParts ?? null,
          },
        ],
      }
    : {
        ...activity,
        status: input.status ?? activity.status,
        statusParts: input.statusParts ?? (input.status ? null : activity.statusParts),
        latestComment: input.text ?? activity.latestComment,
      };
  const changed = (await putRecords(tx, 'activity', [next])) > 0;
  await audit(tx, c, {
    action: conflict ? 'activity.conflict' : 'activity.update',
    entity: 'activity',
    recordId: activityId,
    unitId: activity.unitId,
    detail: { from: activity.status, to: input.status ?? activity.status, comment: !!input.text, mutationId: writer.mutationId },
  });
  const record = (await getRecord(tx, 'activity', activityId))!;
  return conflict ? { kind: 'conflict', record, changed, message: CONFLICT } : { kind: 'applied', record, changed };
}

/** Settles conflicts on an activity: the chosen status stands, and the choice enters the history. */
export async function resolveActivity(
  tx: Queryable,
  c: Context<AppEnv>,
  access: Access,
  activityId: string,
  writer: Writer,
  input: ActivityResolveInput,
): Promise<WriteOutcome<Activity>> {
  const activity = await writableActivity(tx, access, activityId);
  const settles = new Set(input.settles);
  await putRecords(tx, 'activityUpdate', [historyEntry(activity, access, writer, { toStatus: input.status, statusParts: input.statusParts ?? null, text: null, conflict: false })]);
  const changed =
    (await putRecords(tx, 'activity', [
      { ...activity, status: input.status, statusParts: input.statusParts ?? null, conflicts: activity.conflicts.filter((k) => !settles.has(k.mutationId)) },
    ])) > 0;
  await audit(tx, c, { action: 'activity.resolve', entity: 'activity', recordId: activityId, unitId: activity.unitId, detail: { to: input.status, settles: input.settles } });
  return { kind: 'applied', record: (await getRecord(tx, 'activity', activityId))!, changed };
}
