import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Mutation, MutationResult } from '@shared/schemas/mutation.ts';
import type { Database, Queryable } from '../../db/database.ts';
import type { Access } from '../access.ts';
import type { AppEnv } from '../appEnv.ts';
import { applyActivityUpdate, resolveActivity } from './activityUpdate.ts';
import { applyGoalAssessment, resolveGoalAssessment } from './goalAssessment.ts';
import { applyOutcome, resolveOutcome } from './outcome.ts';
import type { WriteOutcome } from './result.ts';

type Written = WriteOutcome<{ id: string; version: number; seq: number }>;

function apply(tx: Queryable, c: Context<AppEnv>, access: Access, deviceId: string | null, mutation: Mutation): Promise<Written> {
  const writer = { mutationId: mutation.id, userId: access.user.id, deviceId, writtenAt: 'writtenAt' in mutation.args ? (mutation.args.writtenAt ?? null) : null };
  switch (mutation.name) {
    case 'activity.update':
      return applyActivityUpdate(tx, c, access, mutation.recordId, writer, mutation.args);
    case 'activity.resolve':
      return resolveActivity(tx, c, access, mutation.recordId, writer, mutation.args);
    case 'outcome.set':
      return applyOutcome(tx, c, access, mutation.recordId, writer, mutation.args);
    case 'outcome.resolve':
      return resolveOutcome(tx, c, access, mutation.recordId, mutation.args);
    case 'goalAssessment.set':
      return applyGoalAssessment(tx, c, access, mutation.recordId, writer, mutation.args);
    case 'goalAssessment.resolve':
      return resolveGoalAssessment(tx, c, access, mutation.recordId, mutation.args);
  }
}

export interface RunResult {
  result: MutationResult;
  /** The record as it stands after this run; absent when the answer came from an earlier delivery. */
  record?: unknown;
  /** The HTTP status a refusal carried (for the REST routes). */
  status?: number;
}

async function storedResult(db: Queryable, mutation: Mutation, access: Access): Promise<RunResult> {
  const [row] = await db.query<{ user_id: string; result: MutationResult | null }>('SELECT user_id, result FROM applied_mutations WHERE id = $1', [mutation.id]);
  if (!row?.result || row.user_id !== access.user.id) {
    return { result: { id: mutation.id, status: 'rejected', message: 'Ändringen har redan skickats från en annan användare.' }, status: 409 };
  }
  return { result: row.result };
}

/**
 * Applies one mutation exactly once, in its own transaction: its id is claimed first (a second delivery
 * waits on that row and is then answered from it), the write and the answer commit together. A refusal
 * (no right, no such record, invalid for the record) is stored too, so a retry gets the same answer. The
 * version a write left its record at is kept with it, so the device's next change to the record is known
 * to build on it. `deviceId` is null for a write over plain REST.
 */
export async function runMutation(db: Database, c: Context<AppEnv>, access: Access, deviceId: string | null, mutation: Mutation): Promise<RunResult> {
  const storedDeviceId = deviceId ?? 'webb';
  try {
    return await db.transaction(async (tx) => {
      const claimed = await tx.query('INSERT INTO applied_mutations (id, user_id, device_id, name) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id', [
        mutation.id,
        access.user.id,
        storedDeviceId,
        mutation.name,
      ]);
      if (claimed.length === 0) return storedResult(tx, mutation, access);
      const outcome = await apply(tx, c, access, deviceId, mutation);
      const { version, seq } = outcome.record;
      const result: MutationResult =
        outcome.kind === 'applied' ? { id: mutation.id, status: 'applied', version, seq } : { id: mutation.id, status: 'conflict', message: outcome.message, version, seq };
      await tx.query('UPDATE applied_mutations SET result = $2, record_id = $3, record_version = $4 WHERE id = $1', [
        mutation.id,
        JSON.stringify(result),
        outcome.changed ? outcome.record.id : null,
        outcome.changed ? version : null,
      ]);
      return { result, record: outcome.record };
    });
  } catch (error) {
    if (!(error instanceof HTTPException) || error.status >= 500) throw error;
    const body = (await error.getResponse().json().catch(() => null)) as { error?: { message?: string } } | null;
    const result: MutationResult = { id: mutation.id, status: 'rejected', message: body?.error?.message ?? 'Ändringen kunde inte sparas.' };
    const stored = await db.query('INSERT INTO applied_mutations (id, user_id, device_id, name, result) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id', [
      mutation.id,
      access.user.id,
      storedDeviceId,
      mutation.name,
      JSON.stringify(result),
    ]);
    return stored.length > 0 ? { result, status: error.status } : storedResult(db, mutation, access);
  }
}
