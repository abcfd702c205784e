import * as v from 'valibot';
import { KeySchema, NameSchema, ShortTextSchema, SyncMetaSchema, UuidSchema } from './common.ts';

export const UnitKindSchema = v.picklist(['region', 'forvaltning', 'omrade', 'verksamhet', 'enhet']);
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
