import { readonly, ref } from 'vue';
import * as v from 'valibot';

/**
 * Checks a form's input against the shared schema the server checks it with, and keeps the first message
 * per field (Swedish, from the schema) for the field to show.
 */
export function useSchemaForm<S extends v.GenericSchema>(schema: S) {
  const errors = ref<Record<string, string | undefined>>({});

  function check(input: unknown): v.InferOutput<S> | null {
    const result = v.safeParse(schema, input);
    if (result.success) {
      errors.value = {};
      return result.output;
    }
    const nested: Record<string, [string, ...string[]] | undefined> = v.flatten(result.issues).nested ?? {};
    errors.value = Object.fromEntries(Object.entries(nested).map(([field, messages]) => [field, messages?.[0]]));
    return null;
  }

  function clear() {
    errors.value = {};
  }

  return { errors: readonly(errors), check, clear };
}
