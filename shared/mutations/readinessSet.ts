import * as v from 'valibot';
import { planReportPoints } from '../logic/calendar.ts';
import { readinessId } from '../logic/recordIds.ts';
import { UuidSchema } from '../schemas/common.ts';
import { PeriodSchema } from '../schemas/period.ts';
import { defineMutation, refused } from './kind.ts';

export const ReadinessSetArgsSchema = v.object({
  planId: UuidSchema,
  period: PeriodSchema,
  ready: v.boolean('Ange om enheten är klar.'),
});
export type ReadinessSetArgs = v.InferInput<typeof ReadinessSetArgsSchema>;

/**
 * A unit marks its part of a report point Klar för rapport, or withdraws the mark. Named on the unit (whose
 * rapportörer may make it) for a plan and one of its report points; dated to that point, so a closed
 * period refuses it like any other change to it. The latest word stands: there is nothing to merge in a yes or no.
 */
export const readinessSet = defineMutation({
  name: 'readiness.set',
  args: ReadinessSetArgsSchema,
  parent: 'unit',
  target: 'readiness',
  history: null,
  scope: (unit, args) => ({ planId: args.planId, unitId: unit.id }),
  targetId: (unitId, args) => readinessId(args.planId, unitId, args.period),
  baseVersion: () => null,
  period: (args) => args.period,
  conflictMessage: '',
  apply(unit, _current, args, context) {
    const point = context.plan && planReportPoints(context.plan).find((p) => p.period === args.period);
    if (!point) return refused('Perioden är inget rapporteringstillfälle i planen.');
    return {
      outcome: 'applied',
      record: { id: readinessId(args.planId, unit.id, args.period), planId: args.planId, unitId: unit.id, period: args.period, ready: args.ready, markedBy: context.author.name, markedAt: context.receivedAt },
      history: [],
    };
  },
  describe: (args, _unit, words) => words.readiness(args.period, args.ready),
  auditDetail: (args, current) => ({ planId: args.planId, period: args.period, from: current?.ready ?? null, to: args.ready }),
});
