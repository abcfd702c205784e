import * as v from 'valibot';
import { ENTITY_NAMES, type EntityName } from '@shared/schemas/entities.ts';
import { PullResponseSchema, type PullResponse } from '@shared/schemas/sync.ts';
import type { MalbildDb } from '../db/database.ts';
import { reapplyPending } from './outbox.ts';

export type FetchPage = (since: number, limit: number, scope: number | null) => Promise<unknown>;

export interface PullResult {
  /** Records written or removed on the device. */
  applied: number;
  cursor: number;
}

const PAGE_SIZE = 1000;

/**
 * Brings the device's tables up to the server's state: pages of changes after the stored cursor, each
 * page applied together with its new cursor in one Dexie transaction, so a pull cut off half-way
 * resumes where it stopped and never leaves records without the cursor that covers them. A `reset`
 * (unknown cursor, or the person's rights changed) empties the tables first, so records the person may
 * no longer read leave the device.
 */
export async function pull(db: MalbildDb, fetchPage: FetchPage, pageSize = PAGE_SIZE): Promise<PullResult> {
  const tables = [...ENTITY_NAMES.map((name) => db.table(name)), db.meta, db.outbox];
  let cursor = Number((await db.meta.get('cursor'))?.value ?? 0);
  const scopeEntry = await db.meta.get('scope');
  let scope = typeof scopeEntry?.value === 'number' ? scopeEntry.value : null;
  let applied = 0;
  for (;;) {
    const page: PullResponse = v.parse(PullResponseSchema, await fetchPage(cursor, pageSize, scope));
    await db.transaction('rw', tables, async () => {
      if (page.reset) {
        await Promise.all(ENTITY_NAMES.map((name) => db.table(name).clear()));
      }
      const puts = new Map<EntityName, Record<string, unknown>[]>();
      const deletes = new Map<EntityName, string[]>();
      for (const change of page.changes) {
        if (change.deleted || !change.record) deletes.set(change.entity, [...(deletes.get(change.entity) ?? []), change.id]);
        else puts.set(change.entity, [...(puts.get(change.entity) ?? []), change.record]);
      }
      await Promise.all([
        ...[...puts].map(([entity, records]) => db.table(entity).bulkPut(records)),
        ...[...deletes].map(([entity, ids]) => db.table(entity).bulkDelete(ids)),
      ]);
      // Changes not yet sent stay on top of whatever the server said meanwhile.
      await reapplyPending(db);
      await db.meta.bulkPut([
        { key: 'cursor', value: page.cursor },
        { key: 'scope', value: page.scope },
        { key: 'lastPulledAt', value: new Date().toISOString() },
      ]);
    });
    applied += page.changes.length;
    cursor = page.cursor;
    scope = page.scope;
    if (!page.hasMore) return { applied, cursor };
  }
}
