import * as v from 'valibot';
import { KeySchema, RemovedSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { LongTextSchema, NameSchema } from './text.ts';

/** An insatsområde: the plan groups its activities by it. */
export const FocusAreaSchema = v.object({
  ...SyncMetaSchema.entries,
  ...RemovedSchema.entries,
  planId: UuidSchema,
  key: KeySchema,
  name: NameSchema,
  description: v.nullable(LongTextSchema),
  order: v.number(),
});
export type FocusArea = v.InferOutput<typeof FocusAreaSchema>;
