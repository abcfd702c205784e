import * as v from 'valibot';
import { ConflictAuthorSchema, IsoTimestampSchema, KeySchema, LongTextSchema, NameSchema, ShortTextSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { PeriodSchema } from './period.ts';

export const ACTIVITY_STATUSES = ['Ej påbörjad', 'Enligt plan', 'Försenad', 'Klar', 'Avbruten'] as const;
export const ActivityStatusSchema = v.picklist(ACTIVITY_STATUSES, 'Status måste vara Ej påbörjad, Enligt plan, Försenad, Klar eller Avbruten.');
export type ActivityStatus = v.InferOutput<typeof ActivityStatusSchema>;

/** One part of a status split by part, as the delårsrapport does ("Digitalt grundutbud: Försenad"). */
export const StatusPartSchema = v.object({ part: NameSchema, status: ActivityStatusSchema });
export type StatusPart = v.InferOutput<typeof StatusPartSchema>;

export const ActivitySchema = v.object({
  ...SyncMetaSchema.entries,
  planId: UuidSchema,
  key: KeySchema,
  number: ShortTextSchema,
  title: NameSchema,
  description: v.nullable(LongTextSchema),
  focusAreaId: v.nullable(UuidSchema),
  assignmentIds: v.array(UuidSchema),
  goalIds: v.array(UuidSchema),
  unitId: UuidSchema,
  responsible: v.nullable(ShortTextSchema),
  timeline: v.nullable(ShortTextSchema),
  milestone: v.boolean(),
  accessibilityPlan: v.boolean(),
  status: v.nullable(ActivityStatusSchema),
  statusParts: v.nullable(v.array(StatusPartSchema)),
  latestComment: v.nullable(LongTextSchema),
  statusPeriod: v.nullable(PeriodSchema),
  order: v.number(),
  /** Status changes made on top of an older version than the one that stands, waiting for someone to choose. */
  conflicts: v.array(v.object({ ...ConflictAuthorSchema.entries, status: v.nullable(ActivityStatusSchema), statusParts: v.nullable(v.array(StatusPartSchema)) })),
});
export type Activity = v.InferOutput<typeof ActivitySchema>;

/** A history entry: every status change or comment on an activity is kept as one. */
export const ActivityUpdateSchema = v.object({
  ...SyncMetaSchema.entries,
  activityId: UuidSchema,
  unitId: UuidSchema,
  authorName: NameSchema,
  authorId: v.nullable(UuidSchema),
  /** The server's receive time: the order of truth. */
  createdAt: IsoTimestampSchema,
  /** The device's clock when written, shown as "skrivet" and never used for ordering. */
  writtenAt: v.nullable(IsoTimestampSchema),
  fromStatus: v.nullable(ActivityStatusSchema),
  toStatus: v.nullable(ActivityStatusSchema),
  statusParts: v.nullable(v.array(StatusPartSchema)),
  text: v.nullable(LongTextSchema),
  period: v.nullable(PeriodSchema),
  /** This update's status did not take effect: it was made on top of an older version (see Activity.conflicts). */
  conflict: v.boolean(),
});
export type ActivityUpdate = v.InferOutput<typeof ActivityUpdateSchema>;

/** A status change and/or comment on an activity, as the person sends it. */
export const ActivityUpdateInputSchema = v.pipe(
  v.object({
    /** Chosen by the device, so that sending the same update twice stores it once. */
    id: v.optional(UuidSchema),
    status: v.optional(v.nullable(ActivityStatusSchema), null),
    statusParts: v.optional(v.nullable(v.array(StatusPartSchema)), null),
    text: v.optional(v.nullable(v.pipe(LongTextSchema, v.trim())), null),
    /** The activity version the person saw; a newer one on the server means someone else changed it. */
    baseVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    writtenAt: v.optional(v.nullable(IsoTimestampSchema), null),
  }),
  v.check((input) => !!input.status || !!input.statusParts || !!input.text, 'Ange en status eller skriv en kommentar.'),
  v.check(
    (input) => !(input.status === 'Försenad' || input.status === 'Avbruten') || !!input.text,
    'Skriv en kommentar om varför aktiviteten är försenad eller avbruten.',
  ),
);
export type ActivityUpdateInput = v.InferInput<typeof ActivityUpdateInputSchema>;

/** Someone who may write the activity chooses the status that stands, settling the conflicts listed. */
export const ActivityResolveInputSchema = v.object({
  status: v.nullable(ActivityStatusSchema),
  statusParts: v.optional(v.nullable(v.array(StatusPartSchema)), null),
  settles: v.pipe(v.array(UuidSchema), v.minLength(1, 'Ange vilken konflikt som löses.')),
});
export type ActivityResolveInput = v.InferInput<typeof ActivityResolveInputSchema>;
