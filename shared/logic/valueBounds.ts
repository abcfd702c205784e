import type { Measure } from '../schemas/indicator.ts';

/** Why a value cannot be right for its measure, in Swedish, or null when it can. */
export function valueBoundsProblem(measure: Measure, value: number): string | null {
  if (!Number.isFinite(value)) return 'Värdet måste vara ett tal.';
  if (measure === '%' && (value < 0 || value > 100)) return 'En andel ligger mellan 0 och 100 %.';
  if ((measure === 'antal' || measure === 'minuter' || measure === 'dagar') && value < 0) return 'Värdet kan inte vara negativt.';
  return null;
}
