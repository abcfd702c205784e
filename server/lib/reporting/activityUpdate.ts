import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { Activity, ActivityUpdate, ActivityUpdateInput } from '@shared/schemas/activity.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, putRecords } from '../../db/records.ts';
import type { Access } from '../access.ts';
import type { AppEnv } from '../appEnv.ts';
import { audit } from '../audit.ts';
import { fail } from '../errors.ts';


/**
 * A status change and/or comment on an activity. The update is always kept in the history. A status
 * change made on top of a version that is no longer current is a conflict: it is answered 409 and the
 * current status stays, never overwritten behind the other writer's back. A comment alone never conflicts.
 */
export async function applyActivityUpdate(
  tx: Queryable,
  c: Context<AppEnv>,
  access: Access,
  activityId: string,
  input: ActivityUpdateInput,
): Promise<{ activity: Activity; update: ActivityUpdate }> {
  const updateId = input.id ?? randomUUID();
  const already = await getRecord(tx, 'activityUpdate', updateId);
  const activity = await getRecord(tx, 'activity', activityId);
  if (!activity || !access.canRead(activity.unitId)) return fail(404, 'not_found', 'Aktiviteten finns inte.');
  access.assertWrite(activity.unitId);
  if (already) return { activity, update: already };
  const changesStatus = (!!input.status && input.status !== activity.status) || !!input.statusParts;
  if (changesStatus && input.baseVersion !== activity.version) {
    return fail(409, 'conflict', 'Någon annan har ändrat aktivitetens status sedan du öppnade den. Se den senaste statusen och försök igen.');
  }
  const now = new Date().toISOString();
  const update = {
    id: updateId,
    activityId,
    unitId: activity.unitId,
    authorName: access.user.name,
    authorId: access.user.id,
    createdAt: now,
    writtenAt: input.writtenAt ?? null,
    fromStatus: activity.status,
    toStatus: input.status ?? activity.status,
    statusParts: input.statusParts ?? null,
    text: input.text ?? null,
    period: null,
  };
  const next = {
    ...activity,
    status: input.status ?? activity.status,
    statusParts: input.statusParts ?? (input.status ? null : activity.statusParts),
    latestComment: input.text ?? activity.latestComment,
  };
  await putRecords(tx, 'activityUpdate', [update]);
  await putRecords(tx, 'activity', [next]);
  await audit(tx, c, {
    action: 'activity.update',
    entity: 'activity',
    recordId: activityId,
    unitId: activity.unitId,
    detail: { from: activity.status, to: next.status, comment: !!input.text },
  });
  return { activity: (await getRecord(tx, 'activity', activityId))!, update: (await getRecord(tx, 'activityUpdate', updateId))! };
}
