import * as v from 'valibot';
import { KeySchema, RemovedSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { NameSchema } from './text.ts';

/** A balanced-scorecard perspective of a plan (invånare/kund, medarbetare, process/verksamhet, ekonomi). */
export const PerspectiveSchema = v.object({
  ...SyncMetaSchema.entries,
  ...RemovedSchema.entries,
  planId: UuidSchema,
  key: KeySchema,
  name: NameSchema,
  order: v.number(),
});
export type Perspective = v.InferOutput<typeof PerspectiveSchema>;
