import { ACTIVITY_STATUSES, type ActivityStatus } from '../schemas/activity.ts';
import type { Assessment } from '../schemas/goal.ts';
import type { TargetStatus } from '../schemas/target.ts';

/** How many goals got each assessment for a period; `none` counts the goals not assessed for it. */
export type AssessmentCounts = Record<Assessment | 'none', number>;
export type TargetStatusCounts = Record<TargetStatus, number>;
/** How many activities stand at each status; `none` counts those without a status. */
export type ActivityStatusCounts = Record<ActivityStatus | 'none', number>;

export const ASSESSMENT_ORDER = ['positiv', 'oförändrad', 'negativ', 'uppfyllt', 'delvis uppfyllt', 'ej uppfyllt', 'none'] as const satisfies readonly (Assessment | 'none')[];
export const TARGET_STATUS_ORDER = ['met', 'close', 'notMet', 'noData'] as const satisfies readonly TargetStatus[];
export const ACTIVITY_STATUS_ORDER = ['Enligt plan', 'Försenad', 'Ej påbörjad', 'Klar', 'Avbruten', 'none'] as const satisfies readonly (ActivityStatus | 'none')[];

export function countAssessments(assessments: Iterable<Assessment | null>): AssessmentCounts {
  const counts: AssessmentCounts = { positiv: 0, oförändrad: 0, negativ: 0, uppfyllt: 0, 'delvis uppfyllt': 0, 'ej uppfyllt': 0, none: 0 };
  for (const assessment of assessments) counts[assessment ?? 'none']++;
  return counts;
}

export function countTargetStatuses(statuses: Iterable<TargetStatus>): TargetStatusCounts {
  const counts: TargetStatusCounts = { met: 0, close: 0, notMet: 0, noData: 0 };
  for (const status of statuses) counts[status]++;
  return counts;
}

export function countActivityStatuses(statuses: Iterable<ActivityStatus | null>): ActivityStatusCounts {
  const counts = Object.fromEntries([...ACTIVITY_STATUSES, 'none'].map((s) => [s, 0])) as ActivityStatusCounts;
  for (const status of statuses) counts[status ?? 'none']++;
  return counts;
}

export const totalOf = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

/**
 * Each count's share of the total in whole percent, adding up to exactly 100 (largest remainder), so a
 * bar and its numbers never disagree; all zero when the total is.
 */
export function shares<K extends string>(counts: Readonly<Record<K, number>>): Record<K, number> {
  const keys = Object.keys(counts) as K[];
  const total = keys.reduce((sum, key) => sum + counts[key], 0);
  const result = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  if (total === 0) return result;
  const exact = keys.map((key) => ({ key, value: (counts[key] * 100) / total }));
  for (const { key, value } of exact) result[key] = Math.floor(value);
  let left = 100 - keys.reduce((sum, key) => sum + result[key], 0);
  for (const { key } of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1))) {
    if (left-- <= 0) break;
    result[key]++;
  }
  return result;
}
