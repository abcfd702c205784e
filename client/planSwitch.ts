import { planReportPoints } from '@shared/logic/calendar.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import type { LocationQuery, RouteLocationRaw } from 'vue-router';

type SwitchPlan = Pick<Plan, 'id' | 'startYear' | 'endYear'> & Partial<Pick<Plan, 'reportPoints'>>;

/** A plan's screens that every plan has: the other plan opens on the same one. */
const SAME_SCREEN = new Set(['tasks', 'overview', 'delayed', 'search', 'goals', 'activities', 'assignments', 'readiness', 'admin-plan-periods', 'admin-plan-kolada']);
/** On one of a plan's records (a goal, an activity, an indicator), the other plan opens the list it was in. */
const LIST_OF: Record<string, string> = { goal: 'goals', activity: 'activities', indicator: 'overview' };
/** Query values that name one plan's own records (a chosen activity, a focus area): meaningless in another plan. */
const PLAN_OWN = ['valt', 'insatsomrade'];

const yearOf = (period: string) => Number(period.slice(0, 4));
const within = (plan: SwitchPlan, period: string) => plan.startYear <= yearOf(period) && yearOf(period) <= plan.endYear;

/**
 * Where changing to another plan leads from the screen a person is on: the same screen of that plan, with
 * the search, filters and unit kept, and the period kept while that plan covers it (a 2024 plan has no
 * Delår 2 2026); a delårsrapport whose report point the other plan lacks gives way to its overview.
 */
export function samePlaceInPlan(current: { name: string; query: LocationQuery; params: Record<string, unknown> }, plan: SwitchPlan): RouteLocationRaw {
  const query: LocationQuery = { ...current.query };
  for (const key of PLAN_OWN) delete query[key];
  if (typeof query.period === 'string' && !within(plan, query.period)) delete query.period;
  const params = { planId: plan.id };
  if (current.name === 'report') {
    const period = String(current.params.period ?? '');
    if (planReportPoints(plan).some((p) => p.period === period)) return { name: 'report', params: { ...params, period } };
    return { name: 'overview', params };
  }
  if (SAME_SCREEN.has(current.name)) return { name: current.name, params, query };
  return { name: LIST_OF[current.name] ?? 'goals', params, query: current.name in LIST_OF ? pick(query, ['period', 'enhet']) : {} };
}

const pick = (query: LocationQuery, keys: string[]): LocationQuery => Object.fromEntries(keys.filter((k) => query[k] !== undefined).map((k) => [k, query[k]!]));
