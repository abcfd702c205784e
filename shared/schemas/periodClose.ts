import * as v from 'valibot';
import { PlanSchema } from './plan.ts';
import { NameSchema } from './text.ts';

/** Why a closed report point is opened again: kept in the audit log beside who did it. */
export const ReopenRequestSchema = v.object({
  reason: v.pipe(NameSchema, v.trim(), v.minLength(1, 'Skriv varför perioden öppnas igen.')),
});
export type ReopenRequest = v.InferOutput<typeof ReopenRequestSchema>;

/** What closing or reopening answers: the plan as it now stands, with its closures. */
export const PlanResponseSchema = v.object({ plan: PlanSchema });
