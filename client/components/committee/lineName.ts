import type { IndicatorSeriesLine } from '@shared/logic/indicatorSeries.ts';
import { t } from '../../strings/index.ts';

/** A line's name in the chart's legend and the table's header: `Utfall`, `Utfall, kvinnor`, `BUP besök, män`. */
export function lineName(line: Pick<IndicatorSeriesLine, 'subSeriesName' | 'gender'>): string {
  return t.committee.indicator.lineName(line.subSeriesName, line.gender === 'T' ? null : t.committee.indicator.genders[line.gender]);
}
