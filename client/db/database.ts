import Dexie, { type EntityTable } from 'dexie';
import type { EntityName, EntityRecord } from '@shared/schemas/entities.ts';

/** Small facts about this device's copy: the sync cursor and when it last reached the server. */
export interface MetaEntry {
  key: 'cursor' | 'lastPulledAt';
  value: number | string;
}

type SyncedTables = { [E in EntityName]: EntityTable<EntityRecord<E>, 'id'> };

export type MalbildDb = Dexie & SyncedTables & { meta: EntityTable<MetaEntry, 'key'> };

/**
 * Every synced record kind has a table named as it travels in the sync protocol, indexed on what the
 * screens look records up by. The screens read only from here.
 */
export const SYNCED_STORES: { [E in EntityName]: string } = {
  unit: 'id, parentId',
  plan: 'id',
  perspective: 'id, planId',
  focusArea: 'id, planId',
  assignment: 'id, planId',
  goal: 'id, planId, parentId',
  goalAssessment: 'id, goalId',
  indicator: 'id, planId, *goalIds',
  outcome: 'id, indicatorId',
  activity: 'id, planId, focusAreaId',
  activityUpdate: 'id, activityId',
};

export function openDeviceDb(name = 'malbild'): MalbildDb {
  const db = new Dexie(name) as MalbildDb;
  db.version(1).stores({ ...SYNCED_STORES, meta: 'key' });
  return db;
}
