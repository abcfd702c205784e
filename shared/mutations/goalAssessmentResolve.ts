import * as v from 'valibot';
import { assessmentId } from '../logic/recordIds.ts';
import { UuidSchema } from '../schemas/common.ts';
import { AssessmentSchema, type GoalAssessment } from '../schemas/goal.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { PeriodSchema } from '../schemas/period.ts';
import { LongTextSchema } from '../schemas/text.ts';
import { CHOICE_CONFLICT, conflictAuthor, NOTHING_TO_SETTLE, remainingAfter, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { chosenAssessment } from './goalAssessmentSet.ts';
import { defineMutation, refused } from './kind.ts';

export const GoalAssessmentResolveArgsSchema = v.object({
  period: PeriodSchema,
  assessment: AssessmentSchema,
  analysis: v.optional(v.nullable(LongTextSchema), null),
  settles: v.pipe(v.array(UuidSchema), v.minLength(1, 'Ange vilken konflikt som löses.'), v.maxLength(LIST_LIMITS.conflicts, `Högst ${LIST_LIMITS.conflicts} konflikter åt gången.`)),
  /** The assessment version the person chose on. */
  baseVersion: v.pipe(v.number('Ange vilken version valet gjordes på.'), v.integer(), v.minValue(1)),
});
export type GoalAssessmentResolveArgs = v.InferInput<typeof GoalAssessmentResolveArgsSchema>;

/** The chosen assessment (with its analysis) stands; a choice on a version changed since by someone else is kept as a conflict. */
export const goalAssessmentResolve = defineMutation({
  name: 'goalAssessment.resolve',
  args: GoalAssessmentResolveArgsSchema,
  parent: 'goal',
  target: 'goalAssessment',
  history: null,
  targetId: (goalId, args) => assessmentId(goalId, args.period),
  baseVersion: (args) => args.baseVersion,
  period: (args) => args.period,
  conflictMessage: CHOICE_CONFLICT,
  apply(goal, current, args, context) {
    if (!current) return refused(NOTHING_TO_SETTLE, 'state');
    if (context.stale) {
      if (current.conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      const record: GoalAssessment = { ...current, conflicts: [...current.conflicts, { ...conflictAuthor(context), assessment: args.assessment, analysis: args.analysis }] };
      return { outcome: 'conflict', record, history: [] };
    }
    const conflicts = remainingAfter(current.conflicts, args.settles);
    if (!conflicts) return refused(NOTHING_TO_SETTLE, 'state');
    return { outcome: 'applied', record: { ...chosenAssessment(goal, current, args), conflicts }, history: [] };
  },
  describe: (args, _goal, words) => words.chosenAssessment(args.period, args.assessment),
  auditDetail: (args, current) => ({ period: args.period, from: current?.assessment ?? null, to: args.assessment, settles: args.settles }),
});
