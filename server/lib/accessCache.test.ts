import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '@shared/schemas/sync.ts';
import { openTestDatabase } from '../../tests/fixtures/testDb.ts';
import { openTestApp, type TestApp } from '../../tests/fixtures/testApp.ts';
import type { Database } from '../db/database.ts';
import { putRecords } from '../db/records.ts';
import { deleteGrant, insertGrant, updateUser } from '../db/users.ts';
import { Access } from './access.ts';
import { AccessCache, MAX_ENTRIES } from './accessCache.ts';
import { endSession } from './session.ts';

let db: Database;
let queries = 0;
/** The same database, counting the queries the app sends it outside transactions. */
let counted: Database;
let t: TestApp;
/** A second server process on the same database: it must notice what the first one changed. */
let other: TestApp;

const unit = (parentId: string | null, name = 'Enhet') => ({ id: randomUUID(), key: `e-${randomUUID().slice(0, 8)}`, name, shortName: null, parentId, kind: 'enhet' as const });

beforeAll(async () => {
  db = await openTestDatabase();
  counted = { ...db, query: (sql, params) => (queries++, db.query(sql, params)), transaction: (work) => db.transaction(work), exec: (sql) => db.exec(sql), close: () => db.close() } as Database;
  t = await openTestApp(counted);
  other = await openTestApp(db);
});
afterAll(() => db.close());

async function headOf(cookie: string, app = t) {
  const { body } = await app.withCookie(cookie).json<PullResponse>('/api/sync/pull?since=0&limit=1');
  return body;
}

async function unitsSeen(cookie: string, app = t): Promise<string[]> {
  const { status, body } = await app.withCookie(cookie).json<PullResponse>('/api/sync/pull?since=0&limit=5000');
  expect(status).toBe(200);
  return body.changes.filter((c) => c.entity === 'unit' && !c.deleted).map((c) => c.id);
}

describe('the rights of a session, kept between requests', () => {
  it('make the "anything new?" pull cost no query embedded and one on a server, and a pull with news one more', async () => {
    // Embedded, the counters are in memory (server/db/heads.ts); a PostgreSQL server is asked for them.
    const headQueries = db.kind === 'pglite' ? 0 : 1;
    const [top] = await putRecords(db, 'unit', [unit(null)]);
    const reader = await t.userWith('läsare', top!.id);
    const { head, scope, epoch } = await headOf(reader.cookie);
    queries = 0;
    const empty = await reader.json<PullResponse>(`/api/sync/pull?since=${head}&limit=100&scope=${scope}&epoch=${epoch}`);
    expect(empty.body).toMatchObject({ changes: [], reset: false, cursor: head });
    expect(queries).toBe(headQueries);
    queries = 0;
    const delta = await reader.json<PullResponse>(`/api/sync/pull?since=${head - 1}&limit=100&scope=${scope}&epoch=${epoch}`);
    expect(delta.body.changes).toHaveLength(1);
    expect(queries).toBe(headQueries + 1);
  });

  it('are read afresh at once when a grant is given or taken, on every process', async () => {
    const [a, b] = await putRecords(db, 'unit', [unit(null, 'A'), unit(null, 'B')]);
    const person = await t.userWith('läsare', a!.id);
    expect(await unitsSeen(person.cookie)).toEqual([a!.id]);
    expect(await unitsSeen(person.cookie, other)).toEqual([a!.id]);
    const grantId = await insertGrant(db, person.userId, { unitId: b!.id, role: 'läsare', includeSubunits: true });
    expect((await unitsSeen(person.cookie)).sort()).toEqual([a!.id, b!.id].sort());
    expect((await unitsSeen(person.cookie, other)).sort()).toEqual([a!.id, b!.id].sort());
    await deleteGrant(db, grantId);
    expect(await unitsSeen(person.cookie)).toEqual([a!.id]);
    expect(await unitsSeen(person.cookie, other)).toEqual([a!.id]);
  });

  it('follow the unit tree: a unit put under a granted one is readable on the next request', async () => {
    const [a] = await putRecords(db, 'unit', [unit(null, 'A')]);
    const person = await t.userWith('rapportör', a!.id);
    expect(await unitsSeen(person.cookie)).toEqual([a!.id]);
    const [child] = await putRecords(db, 'unit', [unit(a!.id, 'Under A')]);
    expect((await unitsSeen(person.cookie)).sort()).toEqual([a!.id, child!.id].sort());
    await putRecords(db, 'unit', [{ ...child!, parentId: null }]);
    expect(await unitsSeen(person.cookie)).toEqual([a!.id]);
  });

  it('end with the session: signed out elsewhere or the account switched off, the next request is refused', async () => {
    const [a] = await putRecords(db, 'unit', [unit(null)]);
    const signedOut = await t.userWith('läsare', a!.id);
    const switchedOff = await t.userWith('läsare', a!.id);
    for (const person of [signedOut, switchedOff]) {
      expect((await person.request('/api/sync/pull?since=0&limit=1')).status).toBe(200);
      expect((await other.withCookie(person.cookie).request('/api/sync/pull?since=0&limit=1')).status).toBe(200);
    }
    await endSession(db, signedOut.cookie.split('=')[1]!);
    await updateUser(db, switchedOff.userId, { active: false });
    for (const person of [signedOut, switchedOff]) {
      expect((await person.request('/api/sync/pull?since=0&limit=1')).status).toBe(401);
      expect((await other.withCookie(person.cookie).request('/api/sync/pull?since=0&limit=1')).status).toBe(401);
    }
  });

  it('carry a changed scope version at once, so the device reloads what it may see', async () => {
    const [a] = await putRecords(db, 'unit', [unit(null)]);
    const person = await t.userWith('läsare', a!.id);
    const before = (await headOf(person.cookie)).scope;
    await db.query('UPDATE users SET scope_version = scope_version + 1 WHERE id = $1', [person.userId]);
    expect((await headOf(person.cookie)).scope).toBe(before + 1);
  });
});

describe('AccessCache', () => {
  const access = new Access({ id: randomUUID(), name: 'N', email: 'n@x', grants: [], scopeVersion: 1 }, []);

  it('answers only under the generation it was read under, and for a bounded time', () => {
    const cache = new AccessCache();
    cache.set('a', 7, access, 1_000_000, 0);
    expect(cache.get('a', 7, 29_999)).toBe(access);
    expect(cache.get('a', 7, 30_000)).toBeNull();
    cache.set('b', 7, access, 1_000_000, 0);
    expect(cache.get('b', 8, 1)).toBeNull();
    expect(cache.get('b', 7, 1)).toBeNull();
  });

  it('never outlives the session: not past its expiry or next slide, nothing kept for one already due', () => {
    const cache = new AccessCache();
    cache.set('a', 1, access, 500, 0);
    expect(cache.get('a', 1, 499)).toBe(access);
    expect(cache.get('a', 1, 500)).toBeNull();
    cache.set('b', 1, access, 100, 100);
    expect(cache.get('b', 1, 100)).toBeNull();
  });

  it('keeps a bounded number of sessions, dropping the oldest first', () => {
    const cache = new AccessCache();
    for (let i = 0; i <= MAX_ENTRIES; i++) cache.set(`s${i}`, 1, access, 1_000_000, 0);
    expect(cache.get('s0', 1, 1)).toBeNull();
    expect(cache.get('s1', 1, 1)).toBe(access);
    expect(cache.get(`s${MAX_ENTRIES}`, 1, 1)).toBe(access);
  });
});
