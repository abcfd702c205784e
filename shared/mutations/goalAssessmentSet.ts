import * as v from 'valibot';
import { assessmentId } from '../logic/recordIds.ts';
import type { RecordInput } from '../schemas/entities.ts';
import { AssessmentSchema, type Goal, type GoalAssessment } from '../schemas/goal.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { PeriodSchema } from '../schemas/period.ts';
import { LongTextSchema } from '../schemas/text.ts';
import { conflictAuthor, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused } from './kind.ts';

export const GoalAssessmentSetArgsSchema = v.object({
  period: PeriodSchema,
  assessment: AssessmentSchema,
  analysis: v.optional(v.nullable(LongTextSchema), null),
  /** The version of the assessment the person saw, or null when they saw none for this period. */
  baseVersion: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))), null),
});
export type GoalAssessmentSetArgs = v.InferInput<typeof GoalAssessmentSetArgsSchema>;

/** The assessment a person's choice makes of the goal's period, keeping its open conflicts. */
export function chosenAssessment(goal: Goal, current: GoalAssessment | null, chosen: { period: string; assessment: GoalAssessment['assessment']; analysis: string | null }): RecordInput<'goalAssessment'> {
  return { id: assessmentId(goal.id, chosen.period), goalId: goal.id, unitId: goal.unitId, period: chosen.period, assessment: chosen.assessment, analysis: chosen.analysis, conflicts: current?.conflicts ?? [] };
}

/**
 * Sets a goal's assessment and analysis for a period. An assessment or analysis different from what
 * stands, written on top of a version someone else has changed since, is kept as a conflict, as for outcomes.
 */
export const goalAssessmentSet = defineMutation({
  name: 'goalAssessment.set',
  args: GoalAssessmentSetArgsSchema,
  parent: 'goal',
  target: 'goalAssessment',
  history: null,
  targetId: (goalId, args) => assessmentId(goalId, args.period),
  baseVersion: (args) => args.baseVersion,
  period: (args) => args.period,
  conflictMessage: 'Någon annan hann bedöma målet för perioden före dig. Båda bedömningarna finns kvar – välj vilken som ska gälla.',
  apply(goal, current, args, context) {
    if (current && context.stale) {
      if (current.assessment === args.assessment && (args.analysis === null || args.analysis === current.analysis)) return { outcome: 'applied', record: current, history: [] };
      if (current.conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      const record: GoalAssessment = { ...current, conflicts: [...current.conflicts, { ...conflictAuthor(context), assessment: args.assessment, analysis: args.analysis }] };
      return { outcome: 'conflict', record, history: [] };
    }
    return { outcome: 'applied', record: chosenAssessment(goal, current, args), history: [] };
  },
  describe: (args, _goal, words) => words.assessment(args.period, args.assessment),
  auditDetail: (args, current) => ({ period: args.period, from: current?.assessment ?? null, to: args.assessment, analysis: !!args.analysis }),
});
