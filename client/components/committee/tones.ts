import type { Assessment } from '@shared/schemas/goal.ts';
import type { TargetStatus } from '@shared/schemas/target.ts';

/**
 * The shape and colour tone of each status the committee screens count. The tones are the badges' own
 * (main.css); the shape goes with the text, so no status is told by colour alone.
 */
export const ASSESSMENT_LOOK: Record<Assessment | 'none', { shape: string; tone: TargetStatus }> = {
  positiv: { shape: '↗', tone: 'met' },
  oförändrad: { shape: '→', tone: 'close' },
  negativ: { shape: '↘', tone: 'notMet' },
  uppfyllt: { shape: '✓', tone: 'met' },
  'delvis uppfyllt': { shape: '◐', tone: 'close' },
  'ej uppfyllt': { shape: '✕', tone: 'notMet' },
  none: { shape: '–', tone: 'noData' },
};

/** As IndicatorStatusBadge draws them. */
export const TARGET_STATUS_SHAPE: Record<TargetStatus, string> = { met: '✓', close: '≈', notMet: '✕', noData: '–' };


/** One status and how many have it, for CommitteeCountBar. */
export interface CountItem {
  key: string;
  label: string;
  shape: string;
  tone: string;
  count: number;
}
