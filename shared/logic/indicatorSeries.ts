import type { Gender, Outcome } from '../schemas/outcome.ts';
import type { Indicator } from '../schemas/indicator.ts';
import type { Period, PeriodKind } from '../schemas/period.ts';
import { targetLevel } from './keyFigure.ts';
import { comparePeriods, parsePeriod } from './period.ts';

/** One line of an indicator: the total, a sub-series (a care-guarantee step), or kvinnor/män of either. */
export interface IndicatorSeriesLine {
  /** Stable within the indicator: `|T` is the total, `bup-besok-30-dagar|K` kvinnor of a sub-series. */
  key: string;
  subSeriesKey: string | null;
  gender: Gender;
  /** The sub-series' name; null for the indicator's own (total) series. */
  subSeriesName: string | null;
  /** The level of this line's målvärde, where it is a number. */
  targetLevel: number | null;
  targetText: string | null;
}

export interface IndicatorSeriesRow {
  period: Period;
  /** The outcome of each line for the period, by line key (absent when the line has none). */
  outcomes: Record<string, Outcome | undefined>;
  /** The national average for the period, from the total series. */
  nationalAverage: number | null;
}

export interface IndicatorSeries {
  kind: PeriodKind;
  lines: IndicatorSeriesLine[];
  rows: IndicatorSeriesRow[];
  /** Whether any value shown is generated example data (source `exempel`). */
  hasExample: boolean;
  hasNationalAverage: boolean;
}

const GENDERS: readonly Gender[] = ['T', 'K', 'M'];
export const lineKey = (subSeriesKey: string | null, gender: Gender) => `${subSeriesKey ?? ''}|${gender}`;

/**
 * An indicator's outcomes of one kind of period as lines over time, oldest first: the chart and the
 * table beside it are drawn from this one value, so they cannot show different numbers. Only lines with
 * at least one value are kept; the total comes first, then kvinnor and män, then each sub-series in the
 * indicator's order.
 */
export function indicatorSeries(indicator: Indicator, outcomes: readonly Outcome[], kind: PeriodKind): IndicatorSeries {
  const own = outcomes.filter((o) => o.indicatorId === indicator.id && parsePeriod(o.period).kind === kind);
  const present = new Set(own.map((o) => lineKey(o.subSeriesKey, o.gender)));
  const candidates: IndicatorSeriesLine[] = [
    ...GENDERS.map((gender) => ({
      key: lineKey(null, gender),
      subSeriesKey: null,
      gender,
      subSeriesName: null,
      targetLevel: targetLevel(indicator.target),
      targetText: indicator.targetText,
    })),
    ...indicator.subSeries.flatMap((sub) =>
      GENDERS.map((gender) => ({
        key: lineKey(sub.key, gender),
        subSeriesKey: sub.key,
        gender,
        subSeriesName: sub.name,
        targetLevel: targetLevel(sub.target),
        targetText: sub.targetText,
      })),
    ),
  ];
  const lines = candidates.filter((line) => present.has(line.key));
  const periods = [...new Set(own.map((o) => o.period))].sort(comparePeriods);
  const rows = periods.map((period) => {
    const inPeriod = own.filter((o) => o.period === period);
    const outcomesByLine: Record<string, Outcome | undefined> = {};
    for (const o of inPeriod) outcomesByLine[lineKey(o.subSeriesKey, o.gender)] = o;
    return { period, outcomes: outcomesByLine, nationalAverage: outcomesByLine[lineKey(null, 'T')]?.nationalAverage ?? null };
  });
  return {
    kind,
    lines,
    rows,
    hasExample: own.some((o) => o.source === 'exempel'),
    hasNationalAverage: rows.some((row) => row.nationalAverage !== null),
  };
}
