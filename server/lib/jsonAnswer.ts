import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';

type JsonAnswer<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

/**
 * A 200 answer of JSON text the caller vouches is a `T`, saying its length and typed as `c.json`'s is for
 * the typed client. Compression leaves an answer that says it is small unread (server/lib/compression.ts):
 * the "anything new?" pull every installed device sends every minute is such an answer.
 */
export function jsonTextAnswer<T>(c: Context, text: string): JsonAnswer<T> {
  const answer = c.body(text, 200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  // c.body types its answer as text; it is this JSON.
  return answer as unknown as JsonAnswer<T>;
}

/** The same for a value. */
export function jsonAnswer<T>(c: Context, value: T): JsonAnswer<T> {
  return jsonTextAnswer<T>(c, JSON.stringify(value));
}
