import type { KoladaValue } from '../schemas/kolada.ts';
import type { Outcome } from '../schemas/outcome.ts';

type KoladaReading = Pick<KoladaValue, 'indicatorId' | 'period' | 'gender' | 'value' | 'nationalAverage'> & { counts?: boolean };

/**
 * Outcomes as screens and the report read them. An outcome without Riket's value for its period and
 * gender gets the one Kolada gave, so that "Bättre än rikssnittet" is judged against the same year's
 * national average whoever entered the outcome; where a controller said Kolada's value counts, it is read
 * in place of the person's (source kolada, the person's comment kept). The stored outcomes are untouched.
 */
export function outcomesWithKolada(outcomes: readonly Outcome[], kolada: readonly KoladaReading[]): Outcome[] {
  if (kolada.length === 0) return [...outcomes];
  const byKey = new Map(kolada.map((k) => [`${k.indicatorId}/${k.period}/${k.gender}`, k]));
  return outcomes.map((o) => {
    const k = o.subSeriesKey === null ? byKey.get(`${o.indicatorId}/${o.period}/${o.gender}`) : undefined;
    if (!k) return o;
    const nationalAverage = o.nationalAverage ?? k.nationalAverage;
    if (k.counts && k.value !== null && o.source !== 'kolada') return { ...o, value: k.value, source: 'kolada', nationalAverage };
    return nationalAverage === o.nationalAverage ? o : { ...o, nationalAverage };
  });
}

/** Each peer's Kolada values (total) at the given periods, in the order the plan lists its peers: the chart's comparison lines. */
export function koladaPeerSeries(kolada: readonly Pick<KoladaValue, 'period' | 'gender' | 'peers'>[], periods: readonly string[]): { areaId: string; values: (number | null)[] }[] {
  const totals = new Map(kolada.filter((k) => k.gender === 'T').map((k) => [k.period as string, k]));
  const areaIds = [...new Set([...totals.values()].flatMap((k) => k.peers.map((p) => p.areaId)))];
  return areaIds
    .map((areaId) => ({ areaId, values: periods.map((period) => totals.get(period)?.peers.find((p) => p.areaId === areaId)?.value ?? null) }))
    .filter((line) => line.values.some((value) => value !== null));
}
