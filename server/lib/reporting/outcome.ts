import type { Context } from 'hono';
import { outcomeId } from '@shared/logic/recordIds.ts';
import { valueBoundsProblem } from '@shared/logic/valueBounds.ts';
import type { Indicator } from '@shared/schemas/indicator.ts';
import type { Outcome, OutcomeInput } from '@shared/schemas/outcome.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, putRecords } from '../../db/records.ts';
import type { Access } from '../access.ts';
import type { AppEnv } from '../appEnv.ts';
import { audit } from '../audit.ts';
import { fail } from '../errors.ts';
import { changedByOthers } from './changedByOthers.ts';
import { lockRecord } from './lock.ts';
import type { Writer, WriteOutcome } from './result.ts';

const CONFLICT = 'Någon annan hann lägga in ett annat värde för perioden före dig. Båda värdena finns kvar – välj vilket som ska gälla.';

/** The indicator's cell an input addresses, checked against what the indicator allows. */
async function writableCell(tx: Queryable, access: Access, indicatorId: string, input: Pick<OutcomeInput, 'period' | 'subSeriesKey' | 'gender' | 'value'>) {
  // The indicator's lock covers its cells, including one that does not exist yet.
  await lockRecord(tx, indicatorId);
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
  return { indicator, id, subSeriesKey, gender, current: await getRecord(tx, 'outcome', id) };
}

function outcomeRecord(indicator: Indicator, cell: { id: string; subSeriesKey: string | null; gender: Outcome['gender']; current: Outcome | null }, period: string) {
  return {
    id: cell.id,
    indicatorId: indicator.id,
    unitId: indicator.unitId,
    subSeriesKey: cell.subSeriesKey,
    gender: cell.gender,
    period,
    nationalAverage: cell.current?.nationalAverage ?? null,
    source: 'manuell' as const,
    conflicts: cell.current?.conflicts ?? [],
  };
}

/**
 * Enters or changes an indicator's outcome for a period. A different value entered on top of an older
 * version than the one that stands (or where the person saw none and another has arrived since) does not
 * replace it: it is kept on the outcome as a conflict for someone to settle, unless only the same device's
 * own changes came in between.
 */
export async function applyOutcome(
  tx: Queryable,
  c: Context<AppEnv>,
  access: Access,
  indicatorId: string,
  writer: Writer,
  input: OutcomeInput,
): Promise<WriteOutcome<Outcome>> {
  const cell = await writableCell(tx, access, indicatorId, input);
  const { indicator, current } = cell;
  const conflict = !!current && current.value !== input.value && (await changedByOthers(tx, writer, cell.id, input.baseVersion ?? null, current.version));
  const base = outcomeRecord(indicator, cell, input.period);
  const record = conflict
    ? {
        ...current,
        conflicts: [
          ...current.conflicts,
          { mutationId: writer.mutationId, authorId: access.user.id, authorName: access.user.name, receivedAt: new Date().toISOString(), writtenAt: writer.writtenAt, value: input.value, comment: input.comment ?? null },
        ],
      }
    : { ...base, value: input.value, comment: input.comment ?? null, enteredBy: access.user.name };
  const changed = (await putRecords(tx, 'outcome', [record])) > 0;
  await audit(tx, c, {
    action: conflict ? 'outcome.conflict' : 'outcome.set',
    entity: 'outcome',
    recordId: cell.id,
    unitId: indicator.unitId,
    detail: { indicatorId, period: input.period, from: current?.value ?? null, to: input.value, mutationId: writer.mutationId },
  });
  const saved = (await getRecord(tx, 'outcome', cell.id))!;
  return conflict ? { kind: 'conflict', record: saved, changed, message: CONFLICT } : { kind: 'applied', record: saved, changed };
}

/** Settles conflicts on an outcome: the chosen value stands. */
export async function resolveOutcome(
  tx: Queryable,
  c: Context<AppEnv>,
  access: Access,
  indicatorId: string,
  input: OutcomeInput & { settles: string[] },
): Promise<WriteOutcome<Outcome>> {
  const cell = await writableCell(tx, access, indicatorId, input);
  const settles = new Set(input.settles);
  const base = outcomeRecord(cell.indicator, cell, input.period);
  const changed =
    (await putRecords(tx, 'outcome', [
      { ...base, value: input.value, comment: input.comment ?? null, enteredBy: access.user.name, conflicts: base.conflicts.filter((k) => !settles.has(k.mutationId)) },
    ])) > 0;
  await audit(tx, c, { action: 'outcome.resolve', entity: 'outcome', recordId: cell.id, unitId: cell.indicator.unitId, detail: { value: input.value, settles: input.settles } });
  return { kind: 'applied', record: (await getRecord(tx, 'outcome', cell.id))!, changed };
}
