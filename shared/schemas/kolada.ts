import * as v from 'valibot';
import { IsoTimestampSchema, SyncMetaSchema, UuidSchema } from './common.ts';
import { GenderSchema } from './outcome.ts';
import { PeriodSchema } from './period.ts';
import { ShortTextSchema } from './text.ts';

/** A municipality's, region's (`00` + county code) or Riket's (`0000`) id in Kolada. */
export const KoladaAreaIdSchema = v.pipe(v.string(), v.regex(/^\d{4}$/, 'Ett Kolada-id för en kommun eller region skrivs med fyra siffror, till exempel 0019.'));
export const RIKET = '0000';

/** A KPI's id in Kolada: N for the municipalities' and regions' own figures, U for others' (N79240, U72552). */
export const KoladaKpiIdSchema = v.pipe(v.string(), v.regex(/^[NU]\d{5}$/, 'Ett Kolada-id skrivs som N71019.'));

/** A controller's link of an indicator to a KPI, or its removal (null). */
export const IndicatorKoladaSchema = v.object({ kpi: v.nullable(KoladaKpiIdSchema) });

/** A controller's choice whether Kolada's value counts instead of the one a person entered for the same period. */
export const KoladaChoiceSchema = v.object({ counts: v.boolean('Ange om Kolada-värdet ska gälla (true eller false).') });
export const KOLADA_PEERS_MAX = 20;

/** Which Kolada area stands for the plan's organisation, and which it is compared with. */
export const PlanKoladaSchema = v.object({
  areaId: KoladaAreaIdSchema,
  peerIds: v.pipe(v.array(KoladaAreaIdSchema), v.maxLength(KOLADA_PEERS_MAX, `Högst ${KOLADA_PEERS_MAX} jämförelseregioner.`)),
});
export type PlanKolada = v.InferOutput<typeof PlanKoladaSchema>;

/**
 * What Kolada says of an indicator for one year and gender: the organisation's value (null, with
 * Kolada's status, where it has none), Riket's and the peers'. Kept apart from the outcomes people enter,
 * so that a value from Kolada never takes a person's place unless a controller says it counts
 * (`counts`: for screens and the report, not over the stored outcome); `fetchedAt` is when it was fetched.
 */
export const KoladaValueSchema = v.object({
  ...SyncMetaSchema.entries,
  indicatorId: UuidSchema,
  unitId: UuidSchema,
  planId: UuidSchema,
  period: PeriodSchema,
  gender: GenderSchema,
  kpi: v.string(),
  areaId: KoladaAreaIdSchema,
  value: v.nullable(v.pipe(v.number(), v.finite())),
  status: v.nullable(ShortTextSchema),
  nationalAverage: v.nullable(v.pipe(v.number(), v.finite())),
  peers: v.array(v.object({ areaId: KoladaAreaIdSchema, value: v.nullable(v.pipe(v.number(), v.finite())) })),
  fetchedAt: IsoTimestampSchema,
  counts: v.optional(v.boolean(), false),
});
export type KoladaValue = v.InferOutput<typeof KoladaValueSchema>;
