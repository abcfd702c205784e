import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDeviceDb, SYNCED_STORES } from '../db/database.ts';
import { countUnsentChanges } from './unsentChanges.ts';

describe('countUnsentChanges', () => {
  it('is 0 on a device database without an outbox', async () => {
    expect(await countUnsentChanges(openDeviceDb(`device-${randomUUID()}`))).toBe(0);
  });

  it('counts the rows waiting in the outbox', async () => {
    const db = new Dexie(`device-${randomUUID()}`);
    db.version(1).stores({ ...SYNCED_STORES, meta: 'key', outbox: '++id' });
    await db.table('outbox').bulkAdd([{ kind: 'activityUpdate' }, { kind: 'outcome' }, { kind: 'outcome' }]);
    expect(await countUnsentChanges(db)).toBe(3);
  });
});
