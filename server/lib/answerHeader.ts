import type { Context } from 'hono';

/**
 * Sets a header on the answer a handler has already made. Hono's `c.header` builds a finished answer anew
 * (a web Response and a stream for its body) to set one; the answer's own headers are changed in place
 * instead, unless they cannot be (an answer from `fetch`).
 */
export function setAnswerHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
