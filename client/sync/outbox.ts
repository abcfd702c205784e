import { datedChange } from '@shared/logic/periodClose.ts';
import { changeScope } from '@shared/mutations/kind.ts';
import { kindOf, MUTATION_KINDS } from '@shared/mutations/kinds.ts';
import type { EntityName } from '@shared/schemas/entities.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import type { MalbildDb, OutboxEntry } from '../db/database.ts';

export type Author = OutboxEntry['author'];

/** The synced tables a change reads or writes, whatever its kind: the ones its kinds name. */
const CHANGED_ENTITIES = [...new Set(Object.values(MUTATION_KINDS).flatMap((kind) => [kind.parent, kind.target, ...(kind.history ? [kind.history] : [])]))] as EntityName[];

/**
 * What a mutation does to the device's own tables, so the person sees their change at once: its kind's
 * own `apply`, as the server will run it, over what the device holds. Run when the change is made and
 * again after every pull, so that server data arriving before the change has been sent never hides it
 * (the change is rebased on top of the newer server state). A record the server has not confirmed yet
 * keeps version 0 (a new one) or the version it was made on. Answers why the kind refuses the change
 * over what the device holds, or null.
 */
export async function applyLocally(db: MalbildDb, mutation: Mutation, author: Author): Promise<string | null> {
  const kind = kindOf(mutation.name);
  const parent = await db.table(kind.parent).get(mutation.recordId);
  if (!parent) return null;
  const targetId = kind.targetId(mutation.recordId, mutation.args);
  const current = kind.target === kind.parent ? parent : ((await db.table(kind.target).get(targetId)) ?? null);
  const writtenAt = ('writtenAt' in mutation.args ? mutation.args.writtenAt : null) ?? mutation.createdAt;
  const plan = (await db.plan.get(changeScope(kind, parent, mutation.args).planId)) ?? null;
  const dated = plan ? datedChange(plan, kind.period(mutation.args), new Date(writtenAt)) : { period: null, refusal: null };
  if (dated.refusal) return dated.refusal;
  const applied = kind.apply(parent, current, mutation.args, { mutationId: mutation.id, author, receivedAt: mutation.createdAt, writtenAt, stale: false, period: dated.period, plan });
  if (applied.outcome === 'refused') return applied.message;
  await db.table(kind.target).put({ ...applied.record, version: current?.version ?? 0, seq: current?.seq ?? 0 });
  if (!kind.history) return null;
  for (const entry of applied.history) {
    if (!(await db.table(kind.history).get(entry.id))) await db.table(kind.history).put({ ...entry, version: 0, seq: 0 });
  }
  return null;
}

/**
 * Records a change: applied to the device's tables and queued for the server, in one transaction. A
 * change its kind refuses over what the device holds (a value out of bounds, a conflict already settled)
 * is neither: the answer is why, for the person to see at once rather than after a sync.
 */
export async function recordChange(db: MalbildDb, mutation: Mutation, author: Author): Promise<string | null> {
  return db.transaction('rw', localChangeTables(db), async () => {
    const refusal = await applyLocally(db, mutation, author);
    if (refusal) return refusal;
    await db.outbox.add({ ...mutation, author, state: 'pending', message: null });
    return null;
  });
}

/** The tables a local change touches, for transactions that include `applyLocally`. */
export const localChangeTables = (db: MalbildDb) => [db.outbox, db.plan, ...CHANGED_ENTITIES.map((entity) => db.table(entity))];

/** Re-applies every change still waiting to be sent (call inside a transaction over `localChangeTables`). */
export async function reapplyPending(db: MalbildDb): Promise<void> {
  for (const entry of await db.outbox.where('state').equals('pending').sortBy('order')) await applyLocally(db, entry, entry.author);
}
