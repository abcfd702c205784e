import { indicatorStatus, type IndicatorStatus } from '@shared/logic/indicatorStatus.ts';
import type { Indicator } from '@shared/schemas/indicator.ts';
import type { Queryable } from './database.ts';
import { listRecords } from './records.ts';

/** Indicators with their latest outcome's target status and trend, computed by the shared evaluation. */
export async function withLatestStatus(db: Queryable, indicators: Indicator[]): Promise<(Indicator & { latest: IndicatorStatus })[]> {
  const outcomes = await listRecords(db, 'outcome', { parentIds: indicators.map((i) => i.id) });
  return indicators.map((indicator) => ({ ...indicator, latest: indicatorStatus(indicator, outcomes) }));
}
