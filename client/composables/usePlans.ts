import type { Plan } from '@shared/schemas/plan.ts';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from './useLiveQuery.ts';

/** The plans on this device, the newest first. */
export function usePlans() {
  return useLiveQuery(async () => (await deviceDb.plan.toArray()).sort((a, b) => b.startYear - a.startYear || a.name.localeCompare(b.name, 'sv')));
}

/** The plan a person most likely wants: the one covering this year, else the newest. */
export function defaultPlan(plans: readonly Plan[], today = new Date()): Plan | null {
  const year = today.getFullYear();
  return plans.find((p) => p.startYear <= year && year <= p.endYear) ?? plans[0] ?? null;
}
