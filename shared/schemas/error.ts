import * as v from 'valibot';

/** The one error shape every API error has. */
export const ApiErrorSchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
});
export type ApiError = v.InferOutput<typeof ApiErrorSchema>;
