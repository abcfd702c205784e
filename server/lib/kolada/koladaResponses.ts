import * as v from 'valibot';

/** Kolada's answers as far as Målbild reads them; anything else in them is left alone, anything missing is a malformed answer. */
export const KoladaKpiSchema = v.object({
  id: v.string(),
  title: v.string(),
  description: v.optional(v.nullable(v.string()), null),
  municipality_type: v.optional(v.nullable(v.string()), null),
  is_divided_by_gender: v.optional(v.nullable(v.union([v.number(), v.boolean()])), null),
});
export type KoladaKpi = v.InferOutput<typeof KoladaKpiSchema>;

export const KoladaDataRowSchema = v.object({
  kpi: v.string(),
  municipality: v.string(),
  period: v.number(),
  values: v.array(v.object({ gender: v.picklist(['T', 'K', 'M']), value: v.nullable(v.number()), status: v.optional(v.nullable(v.string()), null) })),
});
export type KoladaDataRow = v.InferOutput<typeof KoladaDataRowSchema>;

export const koladaPage = <T extends v.GenericSchema>(item: T) => v.object({ values: v.array(item), next_url: v.optional(v.nullable(v.string()), null) });
