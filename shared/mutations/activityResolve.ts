import * as v from 'valibot';
import { ActivityStatusSchema, StatusPartsSchema, type Activity } from '../schemas/activity.ts';
import { UuidSchema } from '../schemas/common.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { historyEntry } from './activityUpdate.ts';
import { CHOICE_CONFLICT, conflictAuthor, NOTHING_TO_SETTLE, remainingAfter, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused } from './kind.ts';

/** Someone who may write the activity chooses the status that stands, settling the conflicts listed. */
export const ActivityResolveArgsSchema = v.object({
  status: v.nullable(ActivityStatusSchema),
  statusParts: v.optional(v.nullable(StatusPartsSchema), null),
  settles: v.pipe(v.array(UuidSchema), v.minLength(1, 'Ange vilken konflikt som löses.'), v.maxLength(LIST_LIMITS.conflicts, `Högst ${LIST_LIMITS.conflicts} konflikter åt gången.`)),
  /** The activity version the person chose on. */
  baseVersion: v.pipe(v.number('Ange vilken version valet gjordes på.'), v.integer(), v.minValue(1)),
});
export type ActivityResolveArgs = v.InferInput<typeof ActivityResolveArgsSchema>;

/**
 * The chosen status stands and the conflicts it names are settled, and the choice enters the history.
 * A choice made on a version someone else has changed since (another person settled first, or a new
 * status arrived) settles nothing: it is kept beside what stands as a conflict of its own, so both
 * choices are seen.
 */
export const activityResolve = defineMutation({
  name: 'activity.resolve',
  args: ActivityResolveArgsSchema,
  parent: 'activity',
  target: 'activity',
  history: 'activityUpdate',
  targetId: (recordId) => recordId,
  baseVersion: (args) => args.baseVersion,
  period: () => null,
  conflictMessage: CHOICE_CONFLICT,
  apply(activity, _current, args, context) {
    if (context.stale) {
      if (activity.conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      const record: Activity = { ...activity, conflicts: [...activity.conflicts, { ...conflictAuthor(context), status: args.status, statusParts: args.statusParts }] };
      return { outcome: 'conflict', record, history: [historyEntry(activity, context, { toStatus: args.status, statusParts: args.statusParts, text: null, conflict: true })] };
    }
    const conflicts = remainingAfter(activity.conflicts, args.settles);
    if (!conflicts) return refused(NOTHING_TO_SETTLE, 'state');
    return {
      outcome: 'applied',
      record: { ...activity, status: args.status, statusParts: args.statusParts, conflicts },
      history: [historyEntry(activity, context, { toStatus: args.status, statusParts: args.statusParts, text: null, conflict: false })],
    };
  },
  describe: (args, _activity, words) => words.chosenStatus(args.status),
  auditDetail: (args, activity) => ({ from: activity?.status ?? null, to: args.status, settles: args.settles }),
});
