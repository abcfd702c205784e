import * as v from 'valibot';
import { AssignmentStatusSchema, type Assignment } from '../schemas/assignment.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { LongTextSchema } from '../schemas/text.ts';
import { conflictAuthor, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused } from './kind.ts';

/** Where an assignment stands, as whoever answers for it reports it. */
export const AssignmentUpdateArgsSchema = v.pipe(
  v.object({
    status: v.optional(v.nullable(AssignmentStatusSchema), null),
    comment: v.optional(v.nullable(v.pipe(LongTextSchema, v.trim())), null),
    /** The assignment version the person saw. */
    baseVersion: v.pipe(v.number('Ange vilken version ändringen bygger på.'), v.integer(), v.minValue(1)),
  }),
  v.check((args) => !!args.status || !!args.comment, 'Ange en status eller skriv en kommentar.'),
);
export type AssignmentUpdateArgs = v.InferInput<typeof AssignmentUpdateArgsSchema>;

/**
 * Sets an assignment's status and comment. Written on top of a version someone else has changed since,
 * a different status or comment is kept on the assignment as a conflict, never a replacement.
 */
export const assignmentUpdate = defineMutation({
  name: 'assignment.update',
  args: AssignmentUpdateArgsSchema,
  parent: 'assignment',
  target: 'assignment',
  history: null,
  targetId: (recordId) => recordId,
  baseVersion: (args) => args.baseVersion,
  period: () => null,
  conflictMessage: 'Någon annan hann ändra uppdragets status före dig. Båda finns kvar – välj vilken som ska gälla.',
  apply(assignment, _current, args, context) {
    const status = args.status ?? assignment.status;
    const comment = args.comment ?? assignment.comment;
    const conflicts = assignment.conflicts ?? [];
    if (context.stale && (status !== assignment.status || comment !== assignment.comment)) {
      if (conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      const record: Assignment = { ...assignment, conflicts: [...conflicts, { ...conflictAuthor(context), status, comment }] };
      return { outcome: 'conflict', record, history: [] };
    }
    return { outcome: 'applied', record: { ...assignment, status, comment, conflicts }, history: [] };
  },
  describe: (args, _assignment, words) => words.join([...(args.status ? [words.assignmentStatus(args.status)] : []), ...(args.comment ? [words.comment(args.comment)] : [])]),
  auditDetail: (args, assignment) => ({ from: assignment?.status ?? null, to: args.status, comment: !!args.comment }),
});
