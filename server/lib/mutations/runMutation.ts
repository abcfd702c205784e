import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { datedChange } from '@shared/logic/periodClose.ts';
import { historyId } from '@shared/logic/recordIds.ts';
import { kindOf } from '@shared/mutations/kinds.ts';
import { changeScope, type ChangeContext } from '@shared/mutations/kind.ts';
import type { EntityName } from '@shared/schemas/entities.ts';
import type { Mutation, MutationResult } from '@shared/schemas/mutation.ts';
import { claimMutation, ownVersionsBetween, settleMutation, storedAnswer, storeRefusal, type MutationClaim } from '../../db/appliedMutations.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { getRecord, insertRecords, lockRecord, RecordClashError, writeRecord } from '../../db/records.ts';
import type { Actor } from '../actor.ts';
import { auditBy } from '../audit.ts';
import { fail, notFound, RECORD_CLASH } from '../errors.ts';
import { Refusal } from '../refusal.ts';
import { MUTATION_RIGHTS } from './rights.ts';
import { log } from '../log.ts';

const PARENT_LABEL: Partial<Record<EntityName, string>> = { activity: 'Aktiviteten', indicator: 'Indikatorn', goal: 'Målet', assignment: 'Uppdraget', unit: 'Enheten', meeting: 'Mötet' };
const NOT_STORED = 'Ändringen kunde inte sparas på servern. Den finns kvar på enheten; försök igen senare eller kontakta en administratör.';

export interface RunResult {
  result: MutationResult;
  /** The record as it stands after this run; absent when the answer came from an earlier delivery. */
  record?: unknown;
  /** The HTTP status a refusal carries (for the REST routes). */
  status?: ContentfulStatusCode;
}

/**
 * Whether the record moved on since the version the change was made on through anyone but the device
 * making it. A device's own earlier changes to the record, made while offline or sent but not yet pulled
 * back, are what the person built on, not someone else's change to be settled: each version between the
 * base and the current one that one of the device's own mutations left is discounted. A base of null
 * means the person saw no record at all.
 */
async function changedByOthers(tx: Queryable, actor: Actor, recordId: string, baseVersion: number | null, currentVersion: number): Promise<boolean> {
  const base = baseVersion ?? 0;
  if (base === currentVersion) return false;
  if (actor.deviceId === null || base > currentVersion) return true;
  const own = await ownVersionsBetween(tx, { deviceId: actor.deviceId, userId: actor.access.user.id }, recordId, base, currentVersion);
  return own < currentVersion - base;
}

/**
 * Applies one change through its kind: the record it names is locked and read, the person's right to it
 * decided, the record it writes read, and the kind's own `apply` decides what is written. The server owns
 * what is written: a target only under the id the kind derives, a history entry only under an id derived
 * from the change, every record on the unit the right was decided on.
 */
async function applyChange(tx: Queryable, actor: Actor, mutation: Mutation) {
  const kind = kindOf(mutation.name);
  await lockRecord(tx, mutation.recordId);
  const parent = await getRecord(tx, kind.parent, mutation.recordId);
  const right = parent ? (MUTATION_RIGHTS[mutation.name] as (access: Actor['access'], parent: unknown) => string)(actor.access, parent) : 'hidden';
  if (!parent || right === 'hidden') return notFound(PARENT_LABEL[kind.parent] ?? 'Posten');
  if (right === 'forbidden') return fail(403, 'forbidden', 'Du har inte behörighet att ändra uppgifter för den här enheten.');
  const scope = changeScope(kind, parent, mutation.args);
  const plan = await getRecord(tx, 'plan', scope.planId);
  if (!plan || !actor.access.canRead(plan.unitId)) return notFound('Planen');
  const targetId = kind.targetId(mutation.recordId, mutation.args);
  const current = kind.target === kind.parent ? parent : await getRecord(tx, kind.target, targetId);
  const receivedAt = new Date();
  const writtenAt = ('writtenAt' in mutation.args ? mutation.args.writtenAt : null) ?? (actor.deviceId ? mutation.createdAt : null);
  // A device's clock only ever dates a change earlier (which can only make a closed period refuse it),
  // never after it reached the server.
  const datedAt = writtenAt && new Date(writtenAt) < receivedAt ? new Date(writtenAt) : receivedAt;
  const dated = datedChange(plan, kind.period(mutation.args), datedAt);
  if (dated.refusal) return fail(409, 'period_closed', dated.refusal);
  const context: ChangeContext = {
    mutationId: mutation.id,
    author: { id: actor.access.user.id, name: actor.access.user.name },
    receivedAt: receivedAt.toISOString(),
    writtenAt,
    stale: current ? await changedByOthers(tx, actor, targetId, kind.baseVersion(mutation.args), current.version) : false,
    period: dated.period,
    plan,
  };
  const applied = kind.apply(parent, current, mutation.args, context);
  if (applied.outcome === 'refused') return fail(applied.reason === 'state' ? 409 : 400, 'refused', applied.message);
  const { unitId } = scope;
  const strays = [applied.record, ...applied.history].filter((record) => (record as { unitId?: string }).unitId !== unitId);
  if (applied.record.id !== targetId || applied.history.some((h) => h.id !== historyId(mutation.id)) || strays.length > 0) {
    throw new Error(`${mutation.name} produced a record outside its target`);
  }
  const { record, changed } = await writeRecord(tx, kind.target, applied.record, current === null);
  if (kind.history) await insertRecords(tx, kind.history, applied.history);
  await auditBy(tx, actor, {
    action: applied.outcome === 'conflict' ? `${mutation.name}.conflict` : mutation.name,
    entity: kind.target,
    recordId: targetId,
    unitId,
    detail: { ...kind.auditDetail(mutation.args, current), recordId: mutation.recordId, mutationId: mutation.id },
  });
  return { outcome: applied.outcome, record, changed, message: kind.conflictMessage };
}

async function answeredBefore(db: Queryable, mutation: Mutation, actor: Actor): Promise<RunResult> {
  const stored = await storedAnswer(db, mutation.id);
  if (!stored?.result || stored.userId !== actor.access.user.id) {
    return { result: { id: mutation.id, status: 'rejected', message: 'Ändringen har redan skickats från en annan användare.' }, status: 409 };
  }
  return { result: stored.result };
}

async function databaseAnswers(db: Database): Promise<boolean> {
  try {
    await db.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/**
 * Applies one mutation exactly once, in its own transaction: its id is claimed first, the write and the
 * answer commit together. A refusal (no right, no such record, invalid for the record) is stored too, so
 * a retry gets the same answer. A change the database cannot store is answered `rejected` on its own,
 * unstored (a later retry may succeed), so that it never holds up the changes queued after it; only a
 * database that does not answer at all fails the request.
 */
export async function runMutation(db: Database, actor: Actor, mutation: Mutation): Promise<RunResult> {
  const claim: MutationClaim = { id: mutation.id, userId: actor.access.user.id, deviceId: actor.deviceId ?? 'webb', name: mutation.name };
  try {
    return await db.transaction(async (tx) => {
      if (!(await claimMutation(tx, claim))) return answeredBefore(tx, mutation, actor);
      const { outcome, record, changed, message } = await applyChange(tx, actor, mutation);
      const { version, seq } = record;
      const result: MutationResult = outcome === 'applied' ? { id: mutation.id, status: 'applied', version, seq } : { id: mutation.id, status: 'conflict', message, version, seq };
      await settleMutation(tx, mutation.id, result, changed ? { recordId: record.id, version } : null);
      return { result, record };
    });
  } catch (error) {
    const refusal = error instanceof Refusal ? error : error instanceof RecordClashError ? new Refusal(409, 'id_taken', RECORD_CLASH) : null;
    if (!refusal) {
      if (!(await databaseAnswers(db))) throw new Refusal(503, 'unavailable', 'Servern når inte sin databas just nu. Försök igen om en stund.');
      log().error({ err: error, mutation: mutation.name }, 'mutation failed');
      return { result: { id: mutation.id, status: 'rejected', message: NOT_STORED }, status: 422 };
    }
    const result: MutationResult = { id: mutation.id, status: 'rejected', message: refusal.message };
    return (await storeRefusal(db, claim, result)) ? { result, status: refusal.status } : answeredBefore(db, mutation, actor);
  }
}
