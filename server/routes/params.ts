import * as v from 'valibot';
import { UuidSchema } from '@shared/schemas/common.ts';
import { PeriodSchema } from '@shared/schemas/period.ts';

/** `:id` in a path: checked before it reaches SQL, so a malformed id is a 400, never a database error. */
export const IdParamSchema = v.object({ id: UuidSchema });

/** `:id/…/:period` of a plan's report point: the period code the API uses everywhere (`2024-T1`). */
export const PlanPeriodParamSchema = v.object({ id: UuidSchema, period: PeriodSchema });
