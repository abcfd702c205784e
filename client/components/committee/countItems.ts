import { ASSESSMENT_ORDER, TARGET_STATUS_ORDER, type AssessmentCounts, type TargetStatusCounts } from '@shared/logic/fulfilment.ts';
import type { AssessmentScale } from '@shared/schemas/plan.ts';
import { t } from '../../strings/index.ts';
import { ASSESSMENT_LOOK, TARGET_STATUS_SHAPE, type CountItem } from './tones.ts';

const SCALE = {
  trend: ['positiv', 'oförändrad', 'negativ'],
  fulfilment: ['uppfyllt', 'delvis uppfyllt', 'ej uppfyllt'],
} as const;

/** The goals per assessment in the plan's own words: its scale always, and any other word an assessment happens to use. */
export function assessmentItems(counts: AssessmentCounts, scale: AssessmentScale): CountItem[] {
  const shown = ASSESSMENT_ORDER.filter((key) => key === 'none' || (SCALE[scale] as readonly string[]).includes(key) || counts[key] > 0);
  return shown.map((key) => ({
    key,
    label: key === 'none' ? t.committee.assessment.none : t.assessment[key],
    shape: ASSESSMENT_LOOK[key].shape,
    tone: ASSESSMENT_LOOK[key].tone,
    count: counts[key],
  }));
}

/** The indicators per status against their målvärde. */
export function targetStatusItems(counts: TargetStatusCounts): CountItem[] {
  return TARGET_STATUS_ORDER.map((key) => ({
    key,
    label: key === 'noData' ? t.committee.targetStatus.noData : t.targetStatus[key],
    shape: TARGET_STATUS_SHAPE[key],
    tone: key,
    count: counts[key],
  }));
}
