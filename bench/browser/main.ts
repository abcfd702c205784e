import Dexie from 'dexie';
import * as v from 'valibot';
import { outcomeId } from '@shared/logic/recordIds.ts';
import { ACTIVITY_STATUSES } from '@shared/schemas/activity.ts';
import { ENTITY_NAMES, ENTITY_SCHEMAS, type EntityName } from '@shared/schemas/entities.ts';
import { PULL_MAX_LIMIT, PullResponseSchema, type PullResponse } from '@shared/schemas/sync.ts';
import type { Me } from '@shared/schemas/user.ts';
import { openDeviceDb, type MalbildDb } from '../../client/db/database.ts';
import { deviceIdOf } from '../../client/sync/deviceId.ts';
import { recordChange } from '../../client/sync/outbox.ts';
import { pull, type FetchPage } from '../../client/sync/pull.ts';
import { pushOutbox } from '../../client/sync/push.ts';
import { fetchServerPage } from '../../client/sync/serverPull.ts';
import { serverSender } from '../../client/sync/serverPush.ts';

/**
 * The benchmark's page: the app's own sync modules (client/sync/, client/db/) against the real server
 * this page is served from, and the floor they are held against, timed inside the browser with
 * performance.now(). bench/run.ts calls these through Playwright.
 */
const databases = new Map<string, MalbildDb>();

async function deviceDb(name: string): Promise<MalbildDb> {
  let db = databases.get(name);
  if (!db) {
    db = openDeviceDb(name);
    await db.open();
    databases.set(name, db);
  }
  return db;
}

async function counts(db: MalbildDb): Promise<Record<string, number>> {
  const entries = await Promise.all(ENTITY_NAMES.map(async (name) => [name, await db.table(name).count()] as const));
  return Object.fromEntries(entries);
}

/**
 * `pull` as the app runs it, with the time the server's pages were on their way measured apart (the next
 * page is asked for while the current one is written, so that time overlaps the writing).
 */
async function timedPull(name: string, pageSize?: number) {
  const db = await deviceDb(name);
  let waitingMs = 0;
  let pages = 0;
  const fetchPage: FetchPage = async (since, limit, scope, epoch) => {
    const started = performance.now();
    try {
      return await fetchServerPage(since, limit, scope, epoch);
    } finally {
      waitingMs += performance.now() - started;
      pages++;
    }
  };
  const started = performance.now();
  const result = await pull(db, fetchPage, pageSize === undefined ? {} : { pageSize });
  return { ms: performance.now() - started, waitingMs, pages, applied: result.applied, counts: await counts(db) };
}

/** Every page of a full pull from 0, fetched as the app fetches them (not timed). */
async function allPages(): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  for (let since = 0; ; ) {
    const page = (await fetchServerPage(since, PULL_MAX_LIMIT, null, null)) as PullResponse;
    pages.push(page);
    since = page.cursor;
    if (!page.hasMore) return pages;
  }
}

const bench = {
  async signIn(email: string, password: string): Promise<number> {
    const response = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    return response.status;
  },

  /** First full sync: an empty device database filled by `pull` (with its default page size unless given). */
  fullSync: (name: string, pageSize?: number) => timedPull(name, pageSize),

  /** A pull on a device that is already up to date but for what changed since. */
  deltaSync: (name: string) => timedPull(name),

  /**
   * The floor: the same records, fetched beforehand (not timed), written with one Dexie `bulkPut` per
   * table into an empty device database of the same schema. With `chunk`, written instead as the pull
   * writes them: in server order, `chunk` records to a transaction (still without the pull's checking,
   * cursor or outbox work), to show what the transactions alone cost.
   */
  async floor(name: string, chunk?: number) {
    const changes: { entity: EntityName; record: Record<string, unknown> }[] = [];
    for (const page of await allPages()) for (const change of page.changes) if (change.record) changes.push({ entity: change.entity, record: change.record });
    const db = await deviceDb(name);
    const byEntity = (slice: typeof changes) => {
      const groups = new Map<EntityName, Record<string, unknown>[]>();
      for (const { entity, record } of slice) {
        const group = groups.get(entity);
        if (group) group.push(record);
        else groups.set(entity, [record]);
      }
      return groups;
    };
    const started = performance.now();
    if (!chunk) {
      for (const [entity, rows] of byEntity(changes)) await db.table(entity).bulkPut(rows);
    } else {
      const tables = ENTITY_NAMES.map((entity) => db.table(entity));
      for (let start = 0; start < changes.length; start += chunk) {
        const groups = byEntity(changes.slice(start, start + chunk));
        await db.transaction('rw', tables, () => Promise.all([...groups].map(([entity, rows]) => db.table(entity).bulkPut(rows))));
      }
    }
    return { ms: performance.now() - started, records: changes.length };
  },

  /**
   * The stricter floor: the same pages written with IndexedDB itself (no Dexie), a page to a transaction
   * with relaxed durability, one `put` per record. The database is made by `openDeviceDb` first so it
   * has the device's stores and indexes, which every write has to keep up to date.
   */
  async rawFloor(name: string) {
    const pages = await allPages();
    const dexie = await deviceDb(name);
    dexie.close();
    databases.delete(name);
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let records = 0;
    const started = performance.now();
    for (const page of pages) {
      const tx = idb.transaction(ENTITY_NAMES, 'readwrite', { durability: 'relaxed' });
      for (const change of page.changes) {
        if (change.record) {
          tx.objectStore(change.entity).put(change.record);
          records++;
        }
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    }
    const ms = performance.now() - started;
    idb.close();
    return { ms, records };
  },

  /**
   * What checking the pages costs, on the same pages a full sync gets: the pull's own check of the page
   * (`PullResponseSchema`, which leaves the records unchecked), and checking every record against its
   * kind's shared schema (`ENTITY_SCHEMAS`), which the pull does not do.
   */
  async validation() {
    const pages = await allPages();
    let started = performance.now();
    for (const page of pages) v.parse(PullResponseSchema, page);
    const pageCheckMs = performance.now() - started;
    let records = 0;
    let invalid = 0;
    const issues: string[] = [];
    started = performance.now();
    for (const page of pages) {
      for (const change of page.changes) {
        if (!change.record) continue;
        records++;
        const result = v.safeParse(ENTITY_SCHEMAS[change.entity], change.record);
        if (!result.success) {
          invalid++;
          if (issues.length < 3) issues.push(`${change.entity}: ${v.summarize(result.issues).slice(0, 200)}`);
        }
      }
    }
    return { pageCheckMs, recordCheckMs: performance.now() - started, records, invalid, issues };
  },

  /**
   * Queues `count` changes the way the app's forms do (`recordChange`): status changes with a comment
   * on distinct activities, comments, and outcomes in cells that had none. Returns the time it took.
   */
  async queueChanges(name: string, count: number, round: number) {
    const db = await deviceDb(name);
    const me = ((await (await fetch('/api/auth/me')).json()) as { user: Me }).user;
    const writable = new Set(me.writableUnitIds);
    const activities = (await db.activity.toArray()).filter((a) => writable.has(a.unitId));
    const indicators = (await db.indicator.toArray()).filter((i) => writable.has(i.unitId));
    const author = { id: me.id, name: me.name };
    const started = performance.now();
    let statusChanges = 0;
    for (let n = 0; n < count; n++) {
      const createdAt = new Date().toISOString();
      const kind = n % 10;
      if (kind < 4) {
        const activity = activities[(round * 400 + statusChanges++) % activities.length]!;
        const status = ACTIVITY_STATUSES[n % ACTIVITY_STATUSES.length]!;
        await recordChange(db, { id: crypto.randomUUID(), name: 'activity.update', recordId: activity.id, createdAt, args: { status, statusParts: null, text: `${status}: lägesrapport ${round}-${n}.`, baseVersion: Math.max(1, activity.version), writtenAt: createdAt } }, author);
      } else if (kind < 7) {
        const activity = activities[(n * 7) % activities.length]!;
        await recordChange(db, { id: crypto.randomUUID(), name: 'activity.update', recordId: activity.id, createdAt, args: { status: null, statusParts: null, text: `Kommentar ${round}-${n}.`, baseVersion: Math.max(1, activity.version), writtenAt: createdAt } }, author);
      } else {
        const indicator = indicators[n % indicators.length]!;
        const period = `${2030 + round}-${String((Math.floor(n / indicators.length) % 12) + 1).padStart(2, '0')}`;
        const cell = await db.outcome.get(outcomeId(indicator.id, period, null, 'T'));
        await recordChange(db, { id: crypto.randomUUID(), name: 'outcome.set', recordId: indicator.id, createdAt, args: { period, subSeriesKey: null, gender: 'T', value: n % 100, comment: null, baseVersion: cell?.version || null } }, author);
      }
    }
    return { ms: performance.now() - started, queued: await db.outbox.where('state').equals('pending').count() };
  },

  /** Sends the whole outbox as the app does (`pushOutbox` over `serverSender`). */
  async push(name: string) {
    const db = await deviceDb(name);
    const deviceId = await deviceIdOf(db);
    const started = performance.now();
    const result = await pushOutbox(db, serverSender(deviceId));
    return { ms: performance.now() - started, ...result };
  },

  async drop(name: string) {
    databases.get(name)?.close();
    databases.delete(name);
    await Dexie.delete(name);
  },
};

export type Bench = typeof bench;
(window as unknown as { malbildBench: Bench }).malbildBench = bench;
