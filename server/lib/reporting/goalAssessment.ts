import type { Context } from 'hono';
import { assessmentId } from '@shared/logic/recordIds.ts';
import type { GoalAssessment, GoalAssessmentInput } from '@shared/schemas/goal.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, putRecords } from '../../db/records.ts';
import type { Access } from '../access.ts';
import type { AppEnv } from '../appEnv.ts';
import { audit } from '../audit.ts';
import { fail } from '../errors.ts';
import { changedByOthers } from './changedByOthers.ts';
import { lockRecord } from './lock.ts';
import type { Writer, WriteOutcome } from './result.ts';

const CONFLICT = 'Någon annan hann bedöma målet för perioden före dig. Båda bedömningarna finns kvar – välj vilken som ska gälla.';

async function writableGoal(tx: Queryable, access: Access, goalId: string) {
  // The goal's lock covers its assessments, including one that does not exist yet.
  await lockRecord(tx, goalId);
  const goal = await getRecord(tx, 'goal', goalId);
  if (!goal || !access.canRead(goal.unitId)) return fail(404, 'not_found', 'Målet finns inte.');
  access.assertWrite(goal.unitId);
  return goal;
}

/** Sets a goal's assessment and analysis for a period; a different assessment on a stale version is a conflict, as for outcomes. */
export async function applyGoalAssessment(
  tx: Queryable,
  c: Context<AppEnv>,
  access: Access,
  goalId: string,
  writer: Writer,
  input: GoalAssessmentInput,
): Promise<WriteOutcome<GoalAssessment>> {
  const goal = await writableGoal(tx, access, goalId);
  const id = assessmentId(goalId, input.period);
  const current = await getRecord(tx, 'goalAssessment', id);
  const conflict = !!current && current.assessment !== input.assessment && (await changedByOthers(tx, writer, id, input.baseVersion ?? null, current.version));
  const record = conflict
    ? {
        ...current,
        conflicts: [
          ...current.conflicts,
          { mutationId: writer.mutationId, authorId: access.user.id, authorName: access.user.name, receivedAt: new Date().toISOString(), writtenAt: writer.writtenAt, assessment: input.assessment, analysis: input.analysis ?? null },
        ],
      }
    : { id, goalId, unitId: goal.unitId, period: input.period, assessment: input.assessment, analysis: input.analysis ?? null, conflicts: current?.conflicts ?? [] };
  const changed = (await putRecords(tx, 'goalAssessment', [record])) > 0;
  await audit(tx, c, {
    action: conflict ? 'goalAssessment.conflict' : 'goalAssessment.set',
    entity: 'goalAssessment',
    recordId: id,
    unitId: goal.unitId,
    detail: { goalId, period: input.period, from: current?.assessment ?? null, to: input.assessment, mutationId: writer.mutationId },
  });
  const saved = (await getRecord(tx, 'goalAssessment', id))!;
  return conflict ? { kind: 'conflict', record: saved, changed, message: CONFLICT } : { kind: 'applied', record: saved, changed };
}

/** Settles conflicts on an assessment: the chosen assessment stands. */
export async function resolveGoalAssessment(
  tx: Queryable,
  c: Context<AppEnv>,
  access: Access,
  goalId: string,
  input: GoalAssessmentInput & { settles: string[] },
): Promise<WriteOutcome<GoalAssessment>> {
  const goal = await writableGoal(tx, access, goalId);
  const id = assessmentId(goalId, input.period);
  const current = await getRecord(tx, 'goalAssessment', id);
  const settles = new Set(input.settles);
  const changed =
    (await putRecords(tx, 'goalAssessment', [
      { id, goalId, unitId: goal.unitId, period: input.period, assessment: input.assessment, analysis: input.analysis ?? null, conflicts: (current?.conflicts ?? []).filter((k) => !settles.has(k.mutationId)) },
    ])) > 0;
  await audit(tx, c, { action: 'goalAssessment.resolve', entity: 'goalAssessment', recordId: id, unitId: goal.unitId, detail: { to: input.assessment, settles: input.settles } });
  return { kind: 'applied', record: (await getRecord(tx, 'goalAssessment', id))!, changed };
}
