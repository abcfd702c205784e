import type { Context } from 'hono';
import { outcomeId } from '@shared/logic/recordIds.ts';
import { valueBoundsProblem } from '@shared/logic/valueBounds.ts';
import type { Outcome, OutcomeInput } from '@shared/schemas/outcome.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, putRecords } from '../../db/records.ts';
import type { Access } from '../access.ts';
import type { AppEnv } from '../appEnv.ts';
import { audit } from '../audit.ts';
import { fail } from '../errors.ts';

/**
 * Enters or changes an indicator's outcome for a period. A value entered on top of a version that is no
 * longer current (or where the person saw none and someone else has since entered one) is a conflict.
 */
export async function applyOutcome(tx: Queryable, c: Context<AppEnv>, access: Access, indicatorId: string, input: OutcomeInput): Promise<Outcome> {
  const indicator = await getRecord(tx, 'indicator', indicatorId);
  if (!indicator || !access.canRead(indicator.unitId)) return fail(404, 'not_found', 'Indikatorn finns inte.');
  access.assertWrite(indicator.unitId);
  const subSeriesKey = input.subSeriesKey ?? null;
  if (subSeriesKey && !indicator.subSeries.some((s) => s.key === subSeriesKey)) return fail(400, 'invalid_input', 'Indikatorn har ingen sådan delserie.');
  const gender = input.gender ?? 'T';
  if (gender !== 'T' && !indicator.genderBreakdown) return fail(400, 'invalid_input', 'Indikatorn redovisas inte per kön.');
  const problem = valueBoundsProblem(indicator.measure, input.value);
  if (problem) return fail(400, 'invalid_input', problem);

  const id = outcomeId(indicatorId, input.period, subSeriesKey, gender);
  const current = await getRecord(tx, 'outcome', id);
  const changesValue = !current || current.value !== input.value;
  if (changesValue && (current?.version ?? null) !== (input.baseVersion ?? null)) {
    return fail(409, 'conflict', 'Någon annan har lagt in ett annat utfall för perioden sedan du öppnade den. Se det senaste värdet och försök igen.');
  }
  await putRecords(tx, 'outcome', [
    {
      id,
      indicatorId,
      unitId: indicator.unitId,
      subSeriesKey,
      gender,
      period: input.period,
      value: input.value,
      nationalAverage: current?.nationalAverage ?? null,
      comment: input.comment ?? null,
      source: 'manuell',
      enteredBy: access.user.name,
    },
  ]);
  await audit(tx, c, {
    action: 'outcome.set',
    entity: 'outcome',
    recordId: id,
    unitId: indicator.unitId,
    detail: { indicatorId, period: input.period, from: current?.value ?? null, to: input.value },
  });
  return (await getRecord(tx, 'outcome', id))!;
}
