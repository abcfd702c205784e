import type { Context } from 'hono';
import type { Activity, ActivityResolveInput, ActivityUpdateInput } from '@shared/schemas/activity.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, putRecords } from '../../db/records.ts';
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
  const updateId = writer.mutationId;
  const proposesStatus = (!!input.status && input.status !== activity.status) || !!input.statusParts;
  const conflict = proposesStatus && (await changedByOthers(tx, writer, activityId, input.baseVersion, activity.version));
  const receivedAt = new Date().toISOString();
  const writtenAt = input.writtenAt ?? null;
  await putRecords(tx, 'activityUpdate', [
    {
      id: updateId,
      activityId,
      unitId: activity.unitId,
      authorName: access.user.name,
      authorId: access.user.id,
      createdAt: receivedAt,
      writtenAt,
      fromStatus: activity.status,
      toStatus: input.status ?? activity.status,
      statusParts: input.statusParts ?? null,
      text: input.text ?? null,
      period: null,
      conflict,
    },
  ]);
  const next: Activity = conflict
    ? {
        ...activity,
        latestComment: input.text ?? activity.latestComment,
        conflicts: [
          ...activity.conflicts,
          { mutationId: updateId, authorId: access.user.id, authorName: access.user.name, receivedAt, writtenAt, status: input.status ?? null, statusParts: input.statusParts ?? null },
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
    detail: { from: activity.status, to: input.status ?? activity.status, comment: !!input.text, mutationId: updateId },
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
  const updateId = writer.mutationId;
  const settles = new Set(input.settles);
  const now = new Date().toISOString();
  await putRecords(tx, 'activityUpdate', [
    {
      id: updateId,
      activityId,
      unitId: activity.unitId,
      authorName: access.user.name,
      authorId: access.user.id,
      createdAt: now,
      writtenAt: null,
      fromStatus: activity.status,
      toStatus: input.status,
      statusParts: input.statusParts ?? null,
      text: null,
      period: null,
      conflict: false,
    },
  ]);
  const changed =
    (await putRecords(tx, 'activity', [
      { ...activity, status: input.status, statusParts: input.statusParts ?? null, conflicts: activity.conflicts.filter((k) => !settles.has(k.mutationId)) },
    ])) > 0;
  await audit(tx, c, { action: 'activity.resolve', entity: 'activity', recordId: activityId, unitId: activity.unitId, detail: { to: input.status, settles: input.settles } });
  return { kind: 'applied', record: (await getRecord(tx, 'activity', activityId))!, changed };
}
