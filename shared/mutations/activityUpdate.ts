import * as v from 'valibot';
import { historyId } from '../logic/recordIds.ts';
import { ActivityStatusSchema, StatusPartsSchema, type Activity, type ActivityStatus, type StatusPart } from '../schemas/activity.ts';
import { IsoTimestampSchema, UuidSchema } from '../schemas/common.ts';
import type { RecordInput } from '../schemas/entities.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { LongTextSchema } from '../schemas/text.ts';
import { conflictAuthor, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused, type ChangeContext } from './kind.ts';

/** A status change and/or comment on an activity, as the person sends it. */
export const ActivityUpdateArgsSchema = v.pipe(
  v.object({
    status: v.optional(v.nullable(ActivityStatusSchema), null),
    statusParts: v.optional(v.nullable(StatusPartsSchema), null),
    text: v.optional(v.nullable(v.pipe(LongTextSchema, v.trim())), null),
    /** The activity version the person saw; a newer one on the server means someone else changed it. */
    baseVersion: v.pipe(v.number('Ange vilken version ändringen bygger på.'), v.integer(), v.minValue(1)),
    writtenAt: v.optional(v.nullable(IsoTimestampSchema), null),
  }),
  v.check((input) => !!input.status || !!input.statusParts || !!input.text, 'Ange en status eller skriv en kommentar.'),
  v.check(
    (input) => !(input.status === 'Försenad' || input.status === 'Avbruten') || !!input.text,
    'Skriv en kommentar om varför aktiviteten är försenad eller avbruten.',
  ),
);
export type ActivityUpdateArgs = v.InferInput<typeof ActivityUpdateArgsSchema>;

/** The same over REST, where the caller may name the change (sending it twice then stores it once). */
export const ActivityUpdateRequestSchema = v.intersect([ActivityUpdateArgsSchema, v.object({ id: v.optional(UuidSchema) })]);

/** An activity's history entry for a change to it, named after the change, never by the device. */
export function historyEntry(
  activity: Activity,
  context: ChangeContext,
  change: { toStatus: ActivityStatus | null; statusParts: StatusPart[] | null; text: string | null; conflict: boolean },
): RecordInput<'activityUpdate'> {
  return {
    id: historyId(context.mutationId),
    activityId: activity.id,
    unitId: activity.unitId,
    authorName: context.author.name,
    authorId: context.author.id,
    createdAt: context.receivedAt,
    writtenAt: context.writtenAt,
    fromStatus: activity.status,
    period: context.period,
    ...change,
  };
}

/**
 * A status change made on top of a version someone else has changed since does not replace the status
 * that stands: it is kept in the history and on the activity as a conflict for someone to settle. A
 * comment never conflicts: the history only grows, and the latest comment is the latest written.
 */
export const activityUpdate = defineMutation({
  name: 'activity.update',
  args: ActivityUpdateArgsSchema,
  parent: 'activity',
  target: 'activity',
  history: 'activityUpdate',
  targetId: (recordId) => recordId,
  baseVersion: (args) => args.baseVersion,
  period: () => null,
  conflictMessage: 'Någon annan hann ändra aktivitetens status före dig. Båda ändringarna finns kvar – välj vilken som ska gälla.',
  apply(activity, _current, args, context) {
    const proposesStatus = (!!args.status && args.status !== activity.status) || !!args.statusParts;
    const conflict = context.stale && proposesStatus;
    if (conflict && activity.conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
    const entry = historyEntry(activity, context, { toStatus: args.status ?? activity.status, statusParts: args.statusParts, text: args.text, conflict });
    const latestComment = args.text ?? activity.latestComment;
    const record: Activity = conflict
      ? { ...activity, latestComment, conflicts: [...activity.conflicts, { ...conflictAuthor(context), status: args.status, statusParts: args.statusParts }] }
      : {
          ...activity,
          status: args.status ?? activity.status,
          // A whole status replaces a split one; parts alone keep the status they are parts of.
          statusParts: args.statusParts ?? (args.status ? null : activity.statusParts),
          latestComment,
          // A status given, even the same one again, is the status for the point it was written for.
          statusPeriod: args.status || args.statusParts ? (context.period ?? activity.statusPeriod) : activity.statusPeriod,
        };
    return { outcome: conflict ? 'conflict' : 'applied', record, history: [entry] };
  },
  describe: (args, _activity, words) =>
    words.join([
      ...(args.status ? [words.status(args.status)] : []),
      ...(args.statusParts ? [words.statusParts(args.statusParts)] : []),
      ...(args.text ? [words.comment(args.text)] : []),
    ]),
  auditDetail: (args, activity) => ({ from: activity?.status ?? null, to: args.status ?? activity?.status ?? null, parts: !!args.statusParts, comment: !!args.text }),
});
