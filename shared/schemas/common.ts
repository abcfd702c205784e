import * as v from 'valibot';

/** Every synced record has a stable id, a per-record version and the change sequence of its last write. */
export const UuidSchema = v.pipe(v.string(), v.uuid('Ogiltigt id.'));

export const KeySchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'En nyckel består av små bokstäver a–z, siffror och bindestreck.'),
);

/** Length limits live here so the server, the client and the importer agree on them. */
export const TEXT_LIMITS = { name: 500, short: 120, text: 10_000 } as const;

/** PostgreSQL cannot store the NUL character in text; refusing it here keeps it a 400, not a 500. */
const NoNulSchema = v.pipe(v.string(), v.regex(/^[^\u0000]*$/, 'Texten innehåller ett otillåtet tecken.'));

export const NameSchema = v.pipe(NoNulSchema, v.trim(), v.minLength(1, 'Får inte vara tomt.'), v.maxLength(TEXT_LIMITS.name, `Högst ${TEXT_LIMITS.name} tecken.`));
export const ShortTextSchema = v.pipe(NoNulSchema, v.trim(), v.maxLength(TEXT_LIMITS.short, `Högst ${TEXT_LIMITS.short} tecken.`));
export const LongTextSchema = v.pipe(NoNulSchema, v.maxLength(TEXT_LIMITS.text, `Högst ${TEXT_LIMITS.text} tecken.`));

export const IsoDateSchema = v.pipe(v.string(), v.isoDate('Datum skrivs ÅÅÅÅ-MM-DD.'));
export const IsoTimestampSchema = v.pipe(v.string(), v.isoTimestamp('Ogiltig tidpunkt.'));

export const SyncMetaSchema = v.object({
  id: UuidSchema,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  seq: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type SyncMeta = v.InferOutput<typeof SyncMetaSchema>;

/**
 * Who wrote a value that lost to another (a conflict): kept on the record until someone with the right
 * to write it chooses. `receivedAt` is the server's clock (the order of truth), `writtenAt` the device's.
 */
export const ConflictAuthorSchema = v.object({
  mutationId: UuidSchema,
  authorId: v.nullable(UuidSchema),
  authorName: v.string(),
  receivedAt: IsoTimestampSchema,
  writtenAt: v.nullable(IsoTimestampSchema),
});
