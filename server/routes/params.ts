import * as v from 'valibot';
import { UuidSchema } from '@shared/schemas/common.ts';

/** `:id` in a path: checked before it reaches SQL, so a malformed id is a 400, never a database error. */
export const IdParamSchema = v.object({ id: UuidSchema });
