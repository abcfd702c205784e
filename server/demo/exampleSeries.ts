import type { ImportPlanDocument } from '@shared/schemas/planImport.ts';
import { parseMeasuredValue } from '@shared/logic/measuredValue.ts';

type ImportIndicator = ImportPlanDocument['indicators'][number];
type ImportOutcome = ImportPlanDocument['outcomes'][number];

/** The generated history ends with the last full month before the demo's "today" (fixed, so it is the same every run). */
const LAST_MONTH = { year: 2026, month: 10 };

/** A small seeded generator (mulberry32): the same indicator always gets the same series. */
function random(seedText: string) {
  let seed = 2166136261;
  for (const char of seedText) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const decimal = (value: number) => value.toFixed(1).replace('.', ',').replace('-', '−');

/**
 * Monthly (and delår/year) example outcomes for 2025–2026 so the charts have something to draw. They
 * start at the plan's real baseline and drift part of the way towards the target, with noise, and are
 * marked `exempel` so the UI says so. Indicators without a numeric baseline get none.
 */
export function exampleOutcomes(indicators: ImportIndicator[]): ImportOutcome[] {
  return indicators.flatMap((indicator) => {
    const baseline = indicator.baseline?.value ? parseMeasuredValue(indicator.baseline.value)?.value : undefined;
    if (baseline === undefined) return [];
    const goal = indicator.target ? parseMeasuredValue(indicator.target)?.value : undefined;
    const next = random(indicator.key);
    const towards = goal ?? baseline * (indicator.direction === 'higher' ? 1.05 : 0.95);
    const spread = Math.max(Math.abs(towards - baseline), Math.abs(baseline) * 0.04, 0.1);
    const valueAt = (monthIndex: number) => {
      const drift = (towards - baseline) * 0.6 * (monthIndex / 36);
      const value = baseline + drift + (next() - 0.5) * spread * 0.5;
      return indicator.measure === '%' ? Math.min(100, Math.max(0, value)) : Math.max(0, value);
    };
    const outcome = (period: string, value: number): ImportOutcome => ({
      indicator: indicator.key,
      subSeries: null,
      gender: 'T',
      period,
      value: `${decimal(value)}${indicator.measure === '%' ? ' %' : ''}`,
      nationalAverage: null,
      comment: null,
      trend: null,
      source: 'exempel',
    });
    const months: { period: string; value: number }[] = [];
    for (let index = 0; ; index++) {
      const year = 2025 + Math.floor(index / 12);
      const month = (index % 12) + 1;
      if (year > LAST_MONTH.year || (year === LAST_MONTH.year && month > LAST_MONTH.month)) break;
      months.push({ period: `${year}-${String(month).padStart(2, '0')}`, value: valueAt(index) });
    }
    const mean = (from: number, to: number) => months.slice(from, to).reduce((sum, m) => sum + m.value, 0) / (to - from);
    const result: ImportOutcome[] = [];
    if (indicator.frequencies.includes('månad')) result.push(...months.map((m) => outcome(m.period, m.value)));
    if (indicator.frequencies.includes('delår')) {
      result.push(outcome('2025-T1', mean(0, 4)), outcome('2025-T2', mean(0, 8)), outcome('2026-T1', mean(12, 16)), outcome('2026-T2', mean(12, 20)));
    }
    if (indicator.frequencies.some((f) => f === 'år' || f === 'vartannat år' || f === 'vart fjärde år')) result.push(outcome('2025', mean(0, 12)));
    return result;
  });
}
