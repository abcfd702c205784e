import * as v from 'valibot';
import { outcomeId } from '../logic/recordIds.ts';
import { valueBoundsProblem } from '../logic/valueBounds.ts';
import { KeySchema } from '../schemas/common.ts';
import type { RecordInput } from '../schemas/entities.ts';
import type { Indicator } from '../schemas/indicator.ts';
import { LIST_LIMITS } from '../schemas/limits.ts';
import { GenderSchema, type Gender, type Outcome } from '../schemas/outcome.ts';
import { PeriodSchema } from '../schemas/period.ts';
import { LongTextSchema } from '../schemas/text.ts';
import { conflictAuthor, TOO_MANY_CONFLICTS } from './conflicts.ts';
import { defineMutation, refused, type ChangeContext } from './kind.ts';

const ValueSchema = v.pipe(v.number('Värdet måste vara ett tal.'), v.finite('Värdet måste vara ett tal.'));
const VersionSchema = v.pipe(v.number(), v.integer(), v.minValue(1));

/** The indicator's cell an outcome is for: a period, and a sub-series and gender where it has them. */
export const OutcomeCellSchema = v.object({
  period: PeriodSchema,
  subSeriesKey: v.optional(v.nullable(KeySchema), null),
  gender: v.optional(GenderSchema, 'T'),
});

/** An outcome as a person enters it, with an optional comment. */
export const OutcomeSetArgsSchema = v.object({
  ...OutcomeCellSchema.entries,
  value: ValueSchema,
  comment: v.optional(v.nullable(LongTextSchema), null),
  /** The version of the outcome the person saw, or null when they saw none for this period. */
  baseVersion: v.optional(v.nullable(VersionSchema), null),
});
export type OutcomeSetArgs = v.InferInput<typeof OutcomeSetArgsSchema>;

export const cellId = (indicatorId: string, cell: { period: string; subSeriesKey: string | null; gender: Gender }) =>
  outcomeId(indicatorId, cell.period, cell.subSeriesKey, cell.gender);

/** Why the indicator has no such cell or cannot hold the value, or null when it can. */
export function cellProblem(indicator: Indicator, cell: { subSeriesKey: string | null; gender: Gender }, value: number): string | null {
  if (cell.subSeriesKey && !indicator.subSeries.some((s) => s.key === cell.subSeriesKey)) return 'Indikatorn har ingen sådan delserie.';
  if (cell.gender !== 'T' && !indicator.genderBreakdown) return 'Indikatorn redovisas inte per kön.';
  return valueBoundsProblem(indicator.measure, value);
}

/** The outcome a person's value makes of the cell, keeping what they did not enter (the national average, open conflicts). */
export function enteredOutcome(
  indicator: Indicator,
  current: Outcome | null,
  cell: { period: string; subSeriesKey: string | null; gender: Gender },
  entered: { value: number; comment: string | null },
  context: ChangeContext,
): RecordInput<'outcome'> {
  return {
    id: cellId(indicator.id, cell),
    indicatorId: indicator.id,
    unitId: indicator.unitId,
    period: cell.period,
    subSeriesKey: cell.subSeriesKey,
    gender: cell.gender,
    value: entered.value,
    comment: entered.comment,
    nationalAverage: current?.nationalAverage ?? null,
    source: 'manuell',
    enteredBy: context.author.name,
    conflicts: current?.conflicts ?? [],
  };
}

/**
 * Enters or changes an indicator's outcome for a period. A value or comment different from what stands,
 * entered on top of a version someone else has changed since (or where the person saw none and one has
 * arrived), does not replace it: it is kept on the outcome as a conflict for someone to settle.
 */
export const outcomeSet = defineMutation({
  name: 'outcome.set',
  args: OutcomeSetArgsSchema,
  parent: 'indicator',
  target: 'outcome',
  history: null,
  targetId: (indicatorId, args) => cellId(indicatorId, args),
  baseVersion: (args) => args.baseVersion,
  period: (args) => args.period,
  conflictMessage: 'Någon annan hann lägga in ett annat värde för perioden före dig. Båda värdena finns kvar – välj vilket som ska gälla.',
  apply(indicator, current, args, context) {
    const problem = cellProblem(indicator, args, args.value);
    if (problem) return refused(problem);
    if (current && context.stale) {
      const sameValue = current.value === args.value;
      // The same value with no comment of its own adds nothing to what stands.
      if (sameValue && (args.comment === null || args.comment === current.comment)) return { outcome: 'applied', record: current, history: [] };
      if (current.conflicts.length >= LIST_LIMITS.conflicts) return refused(TOO_MANY_CONFLICTS, 'state');
      const record: Outcome = { ...current, conflicts: [...current.conflicts, { ...conflictAuthor(context), value: args.value, comment: args.comment }] };
      return { outcome: 'conflict', record, history: [] };
    }
    return { outcome: 'applied', record: enteredOutcome(indicator, current, args, args, context), history: [] };
  },
  describe: (args, indicator, words) => words.outcome(args.period, args.value, indicator?.measure ?? null),
  auditDetail: (args, current) => ({ period: args.period, subSeriesKey: args.subSeriesKey, gender: args.gender, from: current?.value ?? null, to: args.value, comment: !!args.comment }),
});
