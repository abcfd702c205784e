import * as v from 'valibot';
import { ApiErrorSchema } from '@shared/schemas/error.ts';
import { t } from './strings/index.ts';

/** An API call that did not succeed; `message` is the server's Swedish text, shown to the person as is. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * Where the app hears that the server no longer knows this device's session (a 401 from any call but
 * the sign-in ones). The session store and the router listen; nothing on the device is wiped for it.
 */
export const sessionEvents = new EventTarget();
export const SESSION_LOST = 'session-lost';

// A 401 from these means a wrong password or a session that had ended anyway, answered where they are called.
// (`/api/auth/me` answers "nobody" with 200 and `user: null`, never 401.)
const AUTH_PATHS = ['/api/auth/login', '/api/auth/logout'];

function pathOf(input: RequestInfo | URL): string {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(url, 'http://device.invalid').pathname;
}

/** `fetch` for this app's API: same-origin cookies, and a lost session reported once, centrally. */
export const apiFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, { credentials: 'same-origin', ...init });
  if (response.status === 401 && !AUTH_PATHS.includes(pathOf(input))) sessionEvents.dispatchEvent(new Event(SESSION_LOST));
  return response;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await apiFetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, 'network', navigator.onLine ? t.errors.network : t.errors.offline);
  }
  if (response.ok) return response;
  const parsed = v.safeParse(ApiErrorSchema, await response.json().catch(() => null));
  if (parsed.success) throw new ApiRequestError(response.status, parsed.output.error.code, parsed.output.error.message);
  throw new ApiRequestError(response.status, 'http', t.errors.server(response.status));
}

/** Calls the API and checks the answer against the shared schema, so no unchecked JSON reaches a screen. */
export async function requestJson<S extends v.GenericSchema>(method: Method, path: string, schema: S, body?: unknown): Promise<v.InferOutput<S>> {
  const response = await send(method, path, body);
  const parsed = v.safeParse(schema, await response.json().catch(() => null));
  if (!parsed.success) throw new ApiRequestError(response.status, 'unexpected_response', t.errors.unexpected);
  return parsed.output;
}

/**
 * Sends a form with a file (multipart) and checks the answer against the shared schema. An answer with the
 * right shape is returned whatever its status, for routes that answer a refusal with a report (the plan
 * import's 422); anything else that is not ok is thrown as for `requestJson`.
 */
export async function requestForm<S extends v.GenericSchema>(path: string, schema: S, form: FormData): Promise<v.InferOutput<S>> {
  let response: Response;
  try {
    response = await apiFetch(path, { method: 'POST', headers: { accept: 'application/json' }, body: form });
  } catch {
    throw new ApiRequestError(0, 'network', navigator.onLine ? t.errors.network : t.errors.offline);
  }
  const body: unknown = await response.json().catch(() => null);
  const parsed = v.safeParse(schema, body);
  if (parsed.success) return parsed.output;
  const error = v.safeParse(ApiErrorSchema, body);
  if (error.success) throw new ApiRequestError(response.status, error.output.error.code, error.output.error.message);
  throw new ApiRequestError(response.status, 'http', t.errors.server(response.status));
}

/** Calls the API where only success matters (204 No Content). */
export async function requestVoid(method: Method, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}
