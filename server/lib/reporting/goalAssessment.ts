import type { Context } from 'hono';
import { assessmentId } from '@shared/logic/recordIds.ts';
import type { GoalAssessment, GoalAssessmentInput } from '@shared/schemas/goal.ts';
import type { Queryable } from '../../db/database.ts';
import { getRecord, putRecords } from '../../db/records.ts';
import type { Access } from '../access.ts';
import type { AppEnv } from '../appEnv.ts';
import { audit } from '../audit.ts';
import { fail } from '../errors.ts';

/** Sets a goal's assessment and analysis for a period; a stale base version is a conflict, as for outcomes. */
export async function applyGoalAssessment(
  tx: Queryable,
  c: Context<AppEnv>,
  access: Access,
  goalId: string,
  input: GoalAssessmentInput,
): Promise<GoalAssessment> {
  const goal = await getRecord(tx, 'goal', goalId);
  if (!goal || !access.canRead(goal.unitId)) return fail(404, 'not_found', 'Målet finns inte.');
  access.assertWrite(goal.unitId);
  const id = assessmentId(goalId, input.period);
  const current = await getRecord(tx, 'goalAssessment', id);
  const changes = !current || current.assessment !== input.assessment;
  if (changes && (current?.version ?? null) !== (input.baseVersion ?? null)) {
    return fail(409, 'conflict', 'Någon annan har bedömt målet för perioden sedan du öppnade det. Se den senaste bedömningen och försök igen.');
  }
  await putRecords(tx, 'goalAssessment', [
    { id, goalId, unitId: goal.unitId, period: input.period, assessment: input.assessment, analysis: input.analysis ?? null },
  ]);
  await audit(tx, c, {
    action: 'goalAssessment.set',
    entity: 'goalAssessment',
    recordId: id,
    unitId: goal.unitId,
    detail: { goalId, period: input.period, from: current?.assessment ?? null, to: input.assessment },
  });
  return (await getRecord(tx, 'goalAssessment', id))!;
}
