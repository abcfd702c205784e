import Dexie, { type EntityTable } from 'dexie';
import type { AccessibilitySettings } from '@shared/schemas/accessibility.ts';
import type { EntityName, EntityRecord } from '@shared/schemas/entities.ts';
import type { Mutation } from '@shared/schemas/mutation.ts';
import type { Me } from '@shared/schemas/user.ts';

/**
 * Small facts about this device's copy: the sync cursor, when it last reached the server, the signed-in
 * person as last confirmed by the server (`me`, so the app opens offline), and whose records the tables
 * hold (`owner`: kept when a session expires, so a different person signing in next gets an empty device),
 * and the installation's part of the accessibility statement (`accessibility`, so it opens offline).
 */
export type MetaEntry =
  | { key: 'cursor'; value: number }
  | { key: 'lastPulledAt'; value: string }
  | { key: 'scope'; value: number }
  | { key: 'epoch'; value: string }
  | { key: 'deviceId'; value: string }
  | { key: 'me'; value: Me }
  | { key: 'owner'; value: string }
  | { key: 'accessibility'; value: AccessibilitySettings };

type SyncedTables = { [E in EntityName]: EntityTable<EntityRecord<E>, 'id'> };

/** A change made on this device that the server has not accepted yet (see shared/schemas/mutation.ts). */
export type OutboxEntry = Mutation & {
  /** Insertion order: mutations are sent in the order they were made. */
  order?: number;
  /** Who made the change on this device, for the history entry shown until the server has it. */
  author: { id: string; name: string };
  /** `pending` until sent; `rejected` or `conflict` when the server refused it, with its reason, for the author to see. */
  state: 'pending' | 'rejected' | 'conflict';
  message: string | null;
};

/** Text being typed, kept on the device as it is typed, so a reload, a crash or an update loses nothing. */
export interface Draft {
  key: string;
  text: string;
  updatedAt: string;
}

export type MalbildDb = Dexie &
  SyncedTables & { meta: EntityTable<MetaEntry, 'key'>; outbox: EntityTable<OutboxEntry, 'order'>; drafts: EntityTable<Draft, 'key'> };

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
  report: 'id, planId',
  readiness: 'id, planId',
  koladaValue: 'id, indicatorId',
  meeting: 'id, planId, unitId',
  meetingNote: 'id, meetingId, planId',
};

export function openDeviceDb(name = 'malbild'): MalbildDb {
  const db = new Dexie(name) as MalbildDb;
  db.version(1).stores({ ...SYNCED_STORES, meta: 'key' });
  db.version(2).stores({ outbox: '++order, &id, recordId, state' });
  db.version(3).stores({ drafts: 'key' });
  // Records someone must settle, found without reading every outcome (IndexedDB indexes an array's length).
  db.version(4).stores({ activity: `${SYNCED_STORES.activity}, conflicts.length`, outcome: `${SYNCED_STORES.outcome}, conflicts.length`, goalAssessment: `${SYNCED_STORES.goalAssessment}, conflicts.length` });
  // Assignments got a status people report, and so conflicts.
  db.version(5).stores({ assignment: `${SYNCED_STORES.assignment}, conflicts.length` });
  // The controller's narrative of each delårsrapport, read on tablets like the rest of the plan.
  db.version(6).stores({ report: SYNCED_STORES.report });
  // Each unit's Klar för rapport, which the controller's readiness view and Mina uppgifter read.
  db.version(7).stores({ readiness: SYNCED_STORES.readiness });
  // What Kolada says of mapped indicators, beside the outcomes people enter.
  db.version(8).stores({ koladaValue: SYNCED_STORES.koladaValue });
  // Dialogue meetings and their notes, written on the tablet during the meeting.
  db.version(9).stores({ meeting: SYNCED_STORES.meeting, meetingNote: SYNCED_STORES.meetingNote });
  return db;
}
