/** A free-text field somewhere in a JSON schema: its path (`statusParts.0.part`) and its length limit. */
export interface TextField {
  path: (string | number)[];
  maxLength: number | null;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  maxLength?: number;
};

/**
 * Every string a person types, found in a schema (an OpenAPI request body, a change's arguments): strings
 * without a pattern, a format or a fixed set of values. Found from the schema, so that a field added
 * later is tried without anyone listing it.
 */
export function textFields(schema: JsonSchema, path: (string | number)[] = []): TextField[] {
  const own = [...(schema.anyOf ?? []), ...(schema.allOf ?? [])].flatMap((part) => textFields(part, path));
  if (schema.type === 'string' && !schema.enum && !schema.pattern && !schema.format) own.push({ path, maxLength: schema.maxLength ?? null });
  for (const [key, property] of Object.entries(schema.properties ?? {})) own.push(...textFields(property, [...path, key]));
  if (schema.items) own.push(...textFields(schema.items, [...path, 0]));
  return own;
}

/** A copy of `value` with `text` at `path`, creating arrays and objects on the way where there are none. */
export function withText(value: unknown, path: (string | number)[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) && value.length > 0 ? [...value] : [{ part: 'Del', status: 'Klar' }];
    list[head] = withText(list[head], rest, text);
    return list;
  }
  const object = typeof value === 'object' && value !== null ? { ...(value as Record<string, unknown>) } : {};
  object[head!] = withText(object[head!], rest, text);
  return object;
}
