import * as v from 'valibot';
import { AssignmentStatusSchema, type Assignment } from '../schemas/assignment.ts';
import { UuidSchema } from '../schemas/common.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { LongTextSchema } from '../schemas/text.ts';
import { CHOICE_CONFLICT, conflictAuthor, NOTHING_TO_SETTLE, remainingAfter, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused } from './kind.ts';

export const AssignmentResolveArgsSchema = v.object({
  status: v.nullable(AssignmentStatusSchema),
  comment: v.optional(v.nullable(LongTextSchema), null),
  settles: v.pipe(v.array(UuidSchema), v.minLength(1, 'Ange vilken konflikt som löses.'), v.maxLength(LIST_LIMITS.conflicts, `Högst ${LIST_LIMITS.conflicts} konflikter åt gången.`)),
  baseVersion: v.pipe(v.number('Ange vilken version valet gjordes på.'), v.integer(), v.minValue(1)),
});

/** The chosen status and comment stand; a choice on a version changed since by someone else is kept as a conflict. */
export const assignmentResolve = defineMutation({
  name: 'assignment.resolve',
  args: AssignmentResolveArgsSchema,
  parent: 'assignment',
  target: 'assignment',
  history: null,
  targetId: (recordId) => recordId,
  baseVersion: (args) => args.baseVersion,
  period: () => null,
  conflictMessage: CHOICE_CONFLICT,
  apply(assignment, _current, args, context) {
    const conflicts = assignment.conflicts ?? [];
    if (context.stale) {
      if (conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      const record: Assignment = { ...assignment, conflicts: [...conflicts, { ...conflictAuthor(context), status: args.status, comment: args.comment }] };
      return { outcome: 'conflict', record, history: [] };
    }
    const remaining = remainingAfter(conflicts, args.settles);
    if (!remaining) return refused(NOTHING_TO_SETTLE, 'state');
    return { outcome: 'applied', record: { ...assignment, status: args.status, comment: args.comment, conflicts: remaining }, history: [] };
  },
  describe: (args, _assignment, words) => words.chosenAssignmentStatus(args.status),
  auditDetail: (args, assignment) => ({ from: assignment?.status ?? null, to: args.status, settles: args.settles }),
});
