import * as v from 'valibot';
import { StorableTextSchema } from './text.ts';

/** Every synced record has a stable id, a per-record version and the change sequence of its last write. */
export const UuidSchema = v.pipe(v.string(), v.uuid('Ogiltigt id.'));

export const KeySchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'En nyckel består av små bokstäver a–z, siffror och bindestreck.'),
);

/** Whether the day a date or timestamp starts with is in the calendar (the ISO shape alone allows 31 February). */
function dayExists(text: string): boolean {
  const day = text.slice(0, 10);
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

/** A calendar date that exists: `2024-02-31` has the right shape but is refused like any other bad date. */
export const IsoDateSchema = v.pipe(
  v.string('Datum skrivs ÅÅÅÅ-MM-DD.'),
  v.isoDate('Datum skrivs ÅÅÅÅ-MM-DD.'),
  v.check(dayExists, 'Datumet finns inte i kalendern.'),
);
export const IsoTimestampSchema = v.pipe(v.string('Ogiltig tidpunkt.'), v.isoTimestamp('Ogiltig tidpunkt.'), v.check(dayExists, 'Ogiltig tidpunkt.'));

export const SyncMetaSchema = v.object({
  id: UuidSchema,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type SyncMeta = v.InferOutput<typeof SyncMetaSchema>;

/**
 * When a record left its plan: a re-import without it, confirmed by a controller. It stays, with what
 * hangs on it (outcomes, history), reachable by its link, but the plan's lists no longer show it.
 */
export const RemovedSchema = v.object({ removedAt: v.optional(v.nullable(IsoTimestampSchema)) });

/**
 * Who wrote a value that lost to another (a conflict): kept on the record until someone with the right
 * to write it chooses. `receivedAt` is the server's clock (the order of truth), `writtenAt` the device's.
 */
export const ConflictAuthorSchema = v.object({
  mutationId: UuidSchema,
  authorId: v.nullable(UuidSchema),
  authorName: StorableTextSchema,
  receivedAt: IsoTimestampSchema,
  writtenAt: v.nullable(IsoTimestampSchema),
});
