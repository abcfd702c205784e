import * as v from 'valibot';
import { KeySchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { NameSchema, ShortTextSchema } from './text.ts';

/** What the organisation calls this kind of unit: Region, Nämnd, Förvaltning, Verksamhet … as it writes it. */
export const UnitKindSchema = v.pipe(ShortTextSchema, v.minLength(1, 'Ange vad för slags enhet det är, till exempel Förvaltning eller Verksamhet.'));
export type UnitKind = v.InferOutput<typeof UnitKindSchema>;

/** An organisation unit; the tree is held by `parentId` (null at the root). */
export const OrgUnitSchema = v.object({
  ...SyncMetaSchema.entries,
  key: KeySchema,
  name: NameSchema,
  shortName: v.nullable(ShortTextSchema),
  parentId: v.nullable(UuidSchema),
  kind: UnitKindSchema,
});
export type OrgUnit = v.InferOutput<typeof OrgUnitSchema>;

export const CreateUnitSchema = v.object({
  name: NameSchema,
  shortName: v.optional(v.nullable(ShortTextSchema), null),
  parentId: UuidSchema,
  kind: UnitKindSchema,
});
export type CreateUnit = v.InferInput<typeof CreateUnitSchema>;

export const UpdateUnitSchema = v.object({
  name: v.optional(NameSchema),
  shortName: v.optional(v.nullable(ShortTextSchema)),
});
export type UpdateUnit = v.InferInput<typeof UpdateUnitSchema>;
