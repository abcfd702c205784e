import { PUSH_MAX_MUTATIONS, type Mutation, type MutationResult } from '@shared/schemas/mutation.ts';
import type { MalbildDb } from '../db/database.ts';

/** What came back for a batch: one result per mutation, or no answer to act on. */
export type BatchAnswer = { kind: 'results'; results: MutationResult[] } | { kind: 'unauthenticated' } | { kind: 'unreachable' };

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
 * reason, for its author to see; no answer (offline, server error) or a lost session stops with everything
 * still queued. Each mutation carries the id chosen when it was made, so sending again after a lost answer
 * applies nothing twice.
 */
export async function pushOutbox(db: MalbildDb, send: SendBatch): Promise<PushResult> {
  const result: PushResult = { sent: 0, conflicts: 0, rejected: 0, stopped: null };
  for (;;) {
    const batch = (await db.outbox.where('state').equals('pending').sortBy('order')).slice(0, PUSH_MAX_MUTATIONS);
    if (batch.length === 0) return result;
    const mutations = batch.map(({ order: _order, author: _author, state: _state, message: _message, ...mutation }) => mutation as Mutation);
    const answer = await send(mutations);
    if (answer.kind !== 'results') return { ...result, stopped: answer.kind };
    const byId = new Map(answer.results.map((r) => [r.id, r]));
    await db.transaction('rw', db.outbox, db.activityUpdate, async () => {
      for (const entry of batch) {
        const settled = byId.get(entry.id);
        if (!settled) continue;
        if (settled.status === 'rejected') {
          await db.outbox.update(entry.order!, { state: 'rejected', message: settled.message });
          // The history entry shown while waiting was never the server's; the refusal now speaks for it.
          if (entry.name === 'activity.update') await db.activityUpdate.delete(entry.id);
          result.rejected++;
        } else {
          await db.outbox.delete(entry.order!);
          result.sent++;
          if (settled.status === 'conflict') result.conflicts++;
        }
      }
    });
    // A server that answered none of the batch would otherwise be asked the same forever.
    if (!batch.some((entry) => byId.has(entry.id))) return { ...result, stopped: 'unreachable' };
  }
}
