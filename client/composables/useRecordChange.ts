import type { Mutation } from '@shared/schemas/mutation.ts';
import { deviceDb } from '../db/deviceDb.ts';
import { isQuotaError } from '../db/quota.ts';
import { useSessionStore } from '../stores/session.ts';
import { useSyncStore } from '../stores/sync.ts';
import { t } from '../strings/index.ts';
import { recordChange } from '../sync/outbox.ts';

type NewMutation = Omit<Mutation, 'id' | 'createdAt'>;

/**
 * How a screen makes a change: as the signed-in person, saved on the device and queued in one
 * transaction, then sent soon. Answers null when saved, or what to tell the person when it was not (a
 * change that cannot be made, a full device, or any other write failure; nothing is half-written).
 */
export function useRecordChange() {
  const session = useSessionStore();
  const sync = useSyncStore();
  return async (change: NewMutation): Promise<string | null> => {
    const me = session.me;
    if (!me) return t.sync.notSaved;
    try {
      const refusal = await recordChange(deviceDb, { ...change, id: crypto.randomUUID(), createdAt: new Date().toISOString() } as Mutation, { id: me.id, name: me.name });
      if (refusal) return refusal;
    } catch (error) {
      return isQuotaError(error) ? t.sync.quota : t.sync.notSaved;
    }
    sync.changed();
    return null;
  };
}
