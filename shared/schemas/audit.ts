import * as v from 'valibot';
import { IsoDateSchema, IsoTimestampSchema, UuidSchema } from './common.ts';

/** One line of the append-only audit trail. */
export const AuditEntrySchema = v.object({
  id: v.number(),
  at: IsoTimestampSchema,
  userId: v.nullable(UuidSchema),
  userName: v.nullable(v.string()),
  action: v.string(),
  entity: v.nullable(v.string()),
  recordId: v.nullable(v.string()),
  unitId: v.nullable(UuidSchema),
  client: v.nullable(v.string()),
  detail: v.nullable(v.record(v.string(), v.unknown())),
});
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

export const AuditQuerySchema = v.object({
  userId: v.optional(UuidSchema),
  unitId: v.optional(UuidSchema),
  from: v.optional(IsoDateSchema),
  to: v.optional(IsoDateSchema),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'limit måste vara ett heltal.'), v.transform(Number), v.minValue(1, 'limit måste vara minst 1.'), v.maxValue(1000, 'limit får vara högst 1000.')), '200'),
  /** The `nextBefore` of the previous page: entries older than it. */
  before: v.optional(v.pipe(v.string(), v.regex(/^\d{1,18}$/, 'before måste vara ett heltal.'), v.transform(Number))),
});
export type AuditQuery = v.InferOutput<typeof AuditQuerySchema>;

export const AuditPageSchema = v.object({ entries: v.array(AuditEntrySchema), nextBefore: v.nullable(v.number()) });
