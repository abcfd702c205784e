import type { Mutation } from '@shared/schemas/mutation.ts';
import type { MalbildDb } from '../db/database.ts';

/** How the server answered one mutation: `ok`, a refusal with its reason, or no answer to act on. */
export type SendResult =
  | { kind: 'ok' }
  | { kind: 'conflict'; message: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'unauthenticated' }
  | { kind: 'unreachable' };

export type SendMutation = (mutation: Mutation) => Promise<SendResult>;

export interface PushResult {
  sent: number;
  refused: number;
  /** Why sending stopped before the outbox was empty, if it did. */
  stopped: 'unauthenticated' | 'unreachable' | null;
}

/**
 * Sends the waiting changes in the order they were made. A sent change leaves the outbox; a refused one
 * stays, marked with the server's reason, for its author to see; no answer (offline, server error) or a
 * lost session stops the run with everything still queued, to be sent next time.
 */
export async function pushOutbox(db: MalbildDb, send: SendMutation): Promise<PushResult> {
  const result: PushResult = { sent: 0, refused: 0, stopped: null };
  for (const entry of await db.outbox.where('state').equals('pending').sortBy('order')) {
    const { order: _order, author: _author, state: _state, message: _message, ...mutation } = entry;
    const answer = await send(mutation as Mutation);
    if (answer.kind === 'unauthenticated' || answer.kind === 'unreachable') return { ...result, stopped: answer.kind };
    if (answer.kind === 'ok') {
      await db.outbox.delete(entry.order!);
      result.sent++;
    } else {
      const { kind, message } = answer;
      await db.transaction('rw', db.outbox, db.activityUpdate, async () => {
        await db.outbox.update(entry.order!, { state: kind, message });
        // The history entry shown while waiting was never the server's; the refusal now speaks for it.
        if (entry.name === 'activity.update') await db.activityUpdate.delete(entry.id);
      });
      result.refused++;
    }
  }
  return result;
}
