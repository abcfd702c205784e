import * as v from 'valibot';
import { UuidSchema } from '../schemas/common.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import type { Outcome } from '../schemas/outcome.ts';
import { LongTextSchema } from '../schemas/text.ts';
import { CHOICE_CONFLICT, conflictAuthor, NOTHING_TO_SETTLE, remainingAfter, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused } from './kind.ts';
import { cellId, cellProblem, enteredOutcome, OutcomeCellSchema } from './outcomeSet.ts';

/** Chooses the value that stands for a cell with conflicts, settling the ones listed. */
export const OutcomeResolveArgsSchema = v.object({
  ...OutcomeCellSchema.entries,
  value: v.pipe(v.number('Värdet måste vara ett tal.'), v.finite('Värdet måste vara ett tal.')),
  comment: v.optional(v.nullable(LongTextSchema), null),
  settles: v.pipe(v.array(UuidSchema), v.minLength(1, 'Ange vilken konflikt som löses.'), v.maxLength(LIST_LIMITS.conflicts, `Högst ${LIST_LIMITS.conflicts} konflikter åt gången.`)),
  /** The outcome version the person chose on. */
  baseVersion: v.pipe(v.number('Ange vilken version valet gjordes på.'), v.integer(), v.minValue(1)),
});
export type OutcomeResolveArgs = v.InferInput<typeof OutcomeResolveArgsSchema>;

/** The chosen value (with its comment) stands; a choice on a version changed since by someone else is kept as a conflict, as for activities. */
export const outcomeResolve = defineMutation({
  name: 'outcome.resolve',
  args: OutcomeResolveArgsSchema,
  parent: 'indicator',
  target: 'outcome',
  history: null,
  targetId: (indicatorId, args) => cellId(indicatorId, args),
  baseVersion: (args) => args.baseVersion,
  period: (args) => args.period,
  conflictMessage: CHOICE_CONFLICT,
  apply(indicator, current, args, context) {
    const problem = cellProblem(indicator, args, args.value);
    if (problem) return refused(problem);
    if (!current) return refused(NOTHING_TO_SETTLE, 'state');
    if (context.stale) {
      if (current.conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      const record: Outcome = { ...current, conflicts: [...current.conflicts, { ...conflictAuthor(context), value: args.value, comment: args.comment }] };
      return { outcome: 'conflict', record, history: [] };
    }
    const conflicts = remainingAfter(current.conflicts, args.settles);
    if (!conflicts) return refused(NOTHING_TO_SETTLE, 'state');
    return { outcome: 'applied', record: { ...enteredOutcome(indicator, current, args, args, context), conflicts }, history: [] };
  },
  describe: (args, indicator, words) => words.chosenValue(args.period, args.value, indicator?.measure ?? null),
  auditDetail: (args, current) => ({ period: args.period, subSeriesKey: args.subSeriesKey, gender: args.gender, from: current?.value ?? null, to: args.value, settles: args.settles }),
});
