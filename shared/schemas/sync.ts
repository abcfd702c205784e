import * as v from 'valibot';
import { ENTITY_NAMES } from './entities.ts';

export const PULL_MAX_LIMIT = 5000;

const SeqTextSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,15}$/, 'since måste vara ett heltal ≥ 0.'),
  v.transform(Number),
);

export const PullQuerySchema = v.object({
  since: v.optional(SeqTextSchema, '0'),
  /** The scope version the device's copy was made under; another one means its rights changed. */
  scope: v.optional(SeqTextSchema),
  /** The database identity the device's copy came from; another one means a restore (or another server). */
  epoch: v.optional(v.pipe(v.string(), v.uuid('epoch måste vara ett uuid.'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,6}$/, 'limit måste vara ett heltal.'),
      v.transform(Number),
      v.minValue(1, 'limit måste vara minst 1.'),
      v.maxValue(PULL_MAX_LIMIT, `limit får vara högst ${PULL_MAX_LIMIT}.`),
    ),
    '1000',
  ),
});
export type PullQuery = v.InferOutput<typeof PullQuerySchema>;

export const EntityNameSchema = v.picklist(ENTITY_NAMES);

/** A change is either a record's current state or a tombstone (`deleted: true`, `record: null`). */
export const ChangeSchema = v.object({
  entity: EntityNameSchema,
  id: v.string(),
  seq: v.number(),
  deleted: v.boolean(),
  record: v.nullable(v.record(v.string(), v.unknown())),
});
export type Change = v.InferOutput<typeof ChangeSchema>;

export const PullResponseSchema = v.object({
  changes: v.array(ChangeSchema),
  /** Pass this as `since` next time; it never goes backwards. */
  cursor: v.number(),
  hasMore: v.boolean(),
  /**
   * True when the device's copy cannot be brought up to date by changes alone: it came from another
   * database identity or its cursor is unknown to this server (a database was restored), or the person's rights changed since (records may have left
   * their scope). The device drops its synced tables and loads `since=0` afresh.
   */
  reset: v.boolean(),
  /** Send back as `scope` next time. */
  scope: v.number(),
  /** The server's latest change sequence when the page was read: how far a pull has to go. */
  head: v.number(),
  /** The database's identity, to send back as `epoch`: it changes when a backup is restored. */
  epoch: v.optional(v.string()),
});
export type PullResponse = v.InferOutput<typeof PullResponseSchema>;
