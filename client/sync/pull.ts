import * as v from 'valibot';
import { ENTITY_NAMES, type EntityName } from '@shared/schemas/entities.ts';
import { PULL_MAX_LIMIT, PullResponseSchema, type PullResponse } from '@shared/schemas/sync.ts';
import type { MalbildDb, MetaEntry } from '../db/database.ts';
import { reapplyPending } from './outbox.ts';

export type FetchPage = (since: number, limit: number, scope: number | null, epoch: string | null) => Promise<unknown>;

export interface PullResult {
  /** Records written or removed on the device. */
  applied: number;
  cursor: number;
}

/** How far a pull has come, as a share (0–1) of the change sequences it has to go through. */
export type OnProgress = (share: number) => void;

export interface PullOptions {
  /**
   * The largest page the server gives: a fifth of the round trips of pages of 1,000 (which matters on a
   * phone's network more than on the benchmark's loopback, where the two are within its noise; see
   * bench/REPORT.md), and still only a few seconds of writing, all of which a cut-off pull keeps.
   */
  pageSize?: number;
  /** Called after each page of a pull that takes more than one. */
  onProgress?: OnProgress;
}

/**
 * Brings the device's tables up to the server's state: pages of changes after the stored cursor, each
 * page applied together with its new cursor in one Dexie transaction, so a pull cut off half-way
 * resumes where it stopped and never leaves records without the cursor that covers them. The next page
 * is asked for while the current one is written, so waiting for the server and writing overlap. A
 * `reset` (unknown cursor, a restored database, or the person's rights changed) empties the tables first, so records the
 * person may no longer read leave the device.
 */
export async function pull(db: MalbildDb, fetchPage: FetchPage, { pageSize = PULL_MAX_LIMIT, onProgress }: PullOptions = {}): Promise<PullResult> {
  const tables = [...ENTITY_NAMES.map((name) => db.table(name)), db.meta, db.outbox];
  let cursor = Number((await db.meta.get('cursor'))?.value ?? 0);
  const scopeEntry = await db.meta.get('scope');
  const epochEntry = await db.meta.get('epoch');
  let epoch = typeof epochEntry?.value === 'string' ? epochEntry.value : null;
  let start = cursor;
  let applied = 0;
  // A page asked for ahead may fail while this one is being written; that failure is met when it is awaited.
  const ask = (since: number, scope: number | null) => {
    const page = fetchPage(since, pageSize, scope, epoch);
    page.catch(() => undefined);
    return page;
  };
  let next = ask(cursor, typeof scopeEntry?.value === 'number' ? scopeEntry.value : null);
  for (;;) {
    const page: PullResponse = v.parse(PullResponseSchema, await next);
    // A reset page says to start again from 0, which is asked for once the tables are emptied.
    if (page.hasMore && !page.reset) next = ask(page.cursor, page.scope);
    await db.transaction('rw', tables, async () => {
      if (page.reset) await Promise.all(ENTITY_NAMES.map((name) => db.table(name).clear()));
      await writePage(db, page);
      // Changes not yet sent stay on top of whatever the server said meanwhile.
      await reapplyPending(db);
      const kept: MetaEntry[] = [
        { key: 'cursor', value: page.cursor },
        { key: 'scope', value: page.scope },
        { key: 'lastPulledAt', value: new Date().toISOString() },
      ];
      if (page.epoch) kept.push({ key: 'epoch', value: page.epoch });
      await db.meta.bulkPut(kept);
    });
    applied += page.changes.length;
    cursor = page.cursor;
    epoch = page.epoch ?? epoch;
    if (page.reset) {
      start = 0;
      next = ask(0, page.scope);
      continue;
    }
    if (!page.hasMore) return { applied, cursor };
    onProgress?.(page.head > start ? Math.min(1, (cursor - start) / (page.head - start)) : 1);
  }
}

/** Groups a page by table (in the page's order, so a record twice in a page ends as its later state) and writes each group in bulk. */
async function writePage(db: MalbildDb, page: PullResponse): Promise<void> {
  const puts = new Map<EntityName, Record<string, unknown>[]>();
  const deletes = new Map<EntityName, string[]>();
  const add = <T>(groups: Map<EntityName, T[]>, entity: EntityName, item: T) => {
    const group = groups.get(entity);
    if (group) group.push(item);
    else groups.set(entity, [item]);
  };
  for (const change of page.changes) {
    if (change.deleted || !change.record) add(deletes, change.entity, change.id);
    else add(puts, change.entity, change.record);
  }
  await Promise.all([...[...puts].map(([entity, records]) => db.table(entity).bulkPut(records)), ...[...deletes].map(([entity, ids]) => db.table(entity).bulkDelete(ids))]);
}
