import * as v from 'valibot';
import { ConflictAuthorSchema, IsoTimestampSchema, KeySchema, RemovedSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LongTextSchema, NameSchema, ShortTextSchema } from './text.ts';
import { LIST_LIMITS } from './limits.ts';
import { PeriodSchema } from './period.ts';

export const ACTIVITY_STATUSES = ['Ej påbörjad', 'Enligt plan', 'Försenad', 'Klar', 'Avbruten'] as const;
export const ActivityStatusSchema = v.picklist(ACTIVITY_STATUSES, 'Status måste vara Ej påbörjad, Enligt plan, Försenad, Klar eller Avbruten.');
export type ActivityStatus = v.InferOutput<typeof ActivityStatusSchema>;

/** One part of a status split by part, as the delårsrapport does ("Digitalt grundutbud: Försenad"). */
export const StatusPartSchema = v.object({ part: NameSchema, status: ActivityStatusSchema });
export type StatusPart = v.InferOutput<typeof StatusPartSchema>;
export const StatusPartsSchema = v.pipe(v.array(StatusPartSchema), v.maxLength(LIST_LIMITS.statusParts, `Högst ${LIST_LIMITS.statusParts} delar.`));

export const ActivitySchema = v.object({
  ...SyncMetaSchema.entries,
  ...RemovedSchema.entries,
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
  statusParts: v.nullable(StatusPartsSchema),
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
  statusParts: v.nullable(StatusPartsSchema),
  text: v.nullable(LongTextSchema),
  period: v.nullable(PeriodSchema),
  /** This update's status did not take effect: it was made on top of an older version (see Activity.conflicts). */
  conflict: v.boolean(),
});
export type ActivityUpdate = v.InferOutput<typeof ActivityUpdateSchema>;
