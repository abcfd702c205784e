import { historyId } from '@shared/logic/recordIds.ts';
import { kindOf } from '@shared/mutations/kinds.ts';
import { PUSH_MAX_MUTATIONS, type Mutation, type MutationResult } from '@shared/schemas/mutation.ts';
import type { MalbildDb, OutboxEntry } from '../db/database.ts';
import { t } from '../strings/index.ts';
import { localChangeTables, reapplyPending } from './outbox.ts';

/**
 * What came back for a batch: one result per mutation; the server failing on it (`failed`, an internal
 * error while handling these very changes); or no answer to act on.
 */
export type BatchAnswer = { kind: 'results'; results: MutationResult[] } | { kind: 'failed' } | { kind: 'unauthenticated' } | { kind: 'unreachable' };

export type SendBatch = (mutations: Mutation[]) => Promise<BatchAnswer>;

export interface PushResult {
  sent: number;
  /** Applied, but as a conflict the record now shows for someone to settle. */
  conflicts: number;
  rejected: number;
  /** Why sending stopped before the outbox was empty, if it did. */
  stopped: 'unauthenticated' | 'unreachable' | null;
}

/**
 * Sends the waiting changes in the order they were made, in batches. An applied change (or one the server
 * kept as a conflict on its record) leaves the outbox; a rejected one stays, marked with the server's
 * reason, for its author to see; no answer (offline, server unavailable) or a lost session stops with
 * everything still queued. Each mutation carries the id chosen when it was made, so sending again after a
 * lost answer applies nothing twice. A batch the server fails on is halved until the one change at fault
 * is found; that one is set aside like a refused one, so that it cannot hold up every change after it.
 */
export async function pushOutbox(db: MalbildDb, send: SendBatch): Promise<PushResult> {
  const result: PushResult = { sent: 0, conflicts: 0, rejected: 0, stopped: null };
  let size = PUSH_MAX_MUTATIONS;
  for (;;) {
    const batch = (await db.outbox.where('state').equals('pending').sortBy('order')).slice(0, size);
    if (batch.length === 0) return result;
    const mutations = batch.map(({ order: _order, author: _author, state: _state, message: _message, ...mutation }) => mutation as Mutation);
    let answer = await send(mutations);
    if (answer.kind === 'failed' && batch.length > 1) {
      size = Math.ceil(batch.length / 2);
      continue;
    }
    // Alone, once more, in case it was the moment.
    if (answer.kind === 'failed') answer = await send(mutations);
    if (answer.kind === 'failed') {
      // A server failing on an empty batch too is failing on everything: nothing is this change's fault.
      if ((await send([])).kind !== 'results') return { ...result, stopped: 'unreachable' };
      await db.outbox.update(batch[0]!.order!, { state: 'rejected', message: t.sync.serverFailedOnIt });
      result.rejected++;
      size = PUSH_MAX_MUTATIONS;
      continue;
    }
    if (answer.kind !== 'results') return { ...result, stopped: answer.kind };
    const byId = new Map(answer.results.map((r) => [r.id, r]));
    await db.transaction('rw', [...localChangeTables(db), db.meta], async () => {
      for (const entry of batch) {
        const settled = byId.get(entry.id);
        if (!settled) continue;
        if (settled.status === 'rejected') {
          await db.outbox.update(entry.order!, { state: 'rejected', message: settled.message });
          // The history entry shown while waiting was never the server's; the refusal now speaks for it.
          const { history } = kindOf(entry.name);
          if (history) await db.table(history).delete(historyId(entry.id));
          result.rejected++;
        } else {
          await db.outbox.delete(entry.order!);
          result.sent++;
          if (settled.status === 'conflict') result.conflicts++;
        }
        await refetchIfStale(db, entry, settled.status === 'rejected');
      }
    });
    // A server that answered none of the batch would otherwise be asked the same forever.
    if (!batch.some((entry) => byId.has(entry.id))) return { ...result, stopped: 'unreachable' };
  }
}

/** The device's copy of the record a change is about, as `applyLocally` left it. */
async function localRecordOf(db: MalbildDb, entry: OutboxEntry) {
  const kind = kindOf(entry.name);
  const table = db.table(kind.target);
  return { table, record: (await table.get(kind.targetId(entry.recordId, entry.args))) as { id: string; version: number; seq: number } | undefined };
}

/**
 * Once the server has settled a change, the device's copy of its record may still carry the change laid
 * over server data it no longer fits: a refused change was never the server's, and a change whose first
 * answer was lost may have been re-applied over a pull that already held it, on top of what others wrote
 * after it. No later pull would correct either, as the server's record has not changed since. So the
 * record is fetched again: the cursor goes back to just before the record's last change, and the next
 * pull brings the server's copy and re-applies only what still waits. Whether a pull brought a newer copy
 * while the change waited shows in its version against the one the change was made on; a refused record
 * the server never had (version 0) simply goes. Push and pull must not run at once (the sync store runs
 * them one after the other), or the pull could write its cursor over this one.
 */
async function refetchIfStale(db: MalbildDb, entry: OutboxEntry, refused: boolean): Promise<void> {
  const { table, record } = await localRecordOf(db, entry);
  if (!record) return;
  const base = kindOf(entry.name).baseVersion(entry.args) ?? 0;
  const stale = refused || record.version > base;
  if (!stale) return;
  if (record.version === 0) {
    if (!refused) return;
    await table.delete(record.id);
    await reapplyPending(db);
    return;
  }
  const cursor = Number((await db.meta.get('cursor'))?.value ?? 0);
  if (record.seq - 1 < cursor) await db.meta.put({ key: 'cursor', value: record.seq - 1 });
}
