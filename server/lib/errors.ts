import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '@shared/schemas/error.ts';
import { RecordClashError } from '../db/records.ts';
import { Refusal } from './refusal.ts';
import { log } from './log.ts';

/** Refuses with the project's error shape and a message a person can act on. */
export function fail(status: ContentfulStatusCode, code: string, message: string): never {
  throw new Refusal(status, code, message);
}

export function notFound(what: string): never {
  return fail(404, 'not_found', `${what} finns inte.`);
}

export const RECORD_CLASH = 'Ändringen pekar på en post av en annan sort och sparades inte.';

/** Turns anything thrown into `{ error: { code, message } }`, never leaking a stack trace or SQL. */
export function handleError(error: Error, c: Context) {
  if (error instanceof Refusal) return c.json({ error: { code: error.code, message: error.message } } satisfies ApiError, error.status);
  if (error instanceof RecordClashError) return c.json({ error: { code: 'id_taken', message: RECORD_CLASH } } satisfies ApiError, 409);
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'too_large' : status === 404 ? 'not_found' : 'bad_request';
    const message = status === 413 ? 'Förfrågan är för stor.' : 'Ogiltig förfrågan.';
    return c.json({ error: { code, message } } satisfies ApiError, status);
  }
  if (error instanceof SyntaxError) {
    return c.json({ error: { code: 'invalid_json', message: 'Förfrågan innehåller ingen giltig JSON.' } } satisfies ApiError, 400);
  }
  log().error({ err: error, reqId: c.get('requestId') }, 'unhandled error');
  return c.json({ error: { code: 'internal', message: 'Något gick fel på servern. Försök igen om en stund.' } } satisfies ApiError, 500);
}
