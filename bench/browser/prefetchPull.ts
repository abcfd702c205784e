import * as v from 'valibot';
import { ENTITY_NAMES, type EntityName } from '@shared/schemas/entities.ts';
import { PullResponseSchema, type PullResponse } from '@shared/schemas/sync.ts';
import type { MalbildDb } from '../../client/db/database.ts';
import { reapplyPending } from '../../client/sync/outbox.ts';
import type { FetchPage } from '../../client/sync/pull.ts';

/**
 * An experiment, not the app's code: client/sync/pull.ts with one change, the next page requested
 * while the current one is being written, so waiting for the server overlaps writing to IndexedDB. The
 * page's transaction is pull.ts's, unchanged. It measures what that change alone would give.
 */
export async function prefetchingPull(db: MalbildDb, fetchPage: FetchPage, pageSize = 1000): Promise<{ applied: number; cursor: number }> {
  const tables = [...ENTITY_NAMES.map((name) => db.table(name)), db.meta, db.outbox];
  let cursor = Number((await db.meta.get('cursor'))?.value ?? 0);
  const scopeEntry = await db.meta.get('scope');
  const scope = typeof scopeEntry?.value === 'number' ? scopeEntry.value : null;
  let applied = 0;
  let next = fetchPage(cursor, pageSize, scope);
  for (;;) {
    const page: PullResponse = v.parse(PullResponseSchema, await next);
    // A reset page says to start again from 0; only an ordinary page lets the next one be asked for now.
    if (page.hasMore && !page.reset) next = fetchPage(page.cursor, pageSize, page.scope);
    await db.transaction('rw', tables, async () => {
      if (page.reset) await Promise.all(ENTITY_NAMES.map((name) => db.table(name).clear()));
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
      await reapplyPending(db);
      await db.meta.bulkPut([
        { key: 'cursor', value: page.cursor },
        { key: 'scope', value: page.scope },
        { key: 'lastPulledAt', value: new Date().toISOString() },
      ]);
    });
    applied += page.changes.length;
    cursor = page.cursor;
    if (page.reset) next = fetchPage(0, pageSize, page.scope);
    else if (!page.hasMore) return { applied, cursor };
  }
}
