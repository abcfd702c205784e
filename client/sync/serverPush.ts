import * as v from 'valibot';
import { ApiErrorSchema } from '@shared/schemas/error.ts';
import { PushResponseSchema } from '@shared/schemas/mutation.ts';
import { apiFetch } from '../http.ts';
import type { SendBatch } from './push.ts';
import { syncDeadline } from './deadline.ts';

/** How a request reaches the server: the app's `apiFetch`; tests and benchmarks pass a transport of their own. */
export type Transport = typeof fetch;

/** Sends a batch of changes to this app's server and sorts its answer. */
export function serverSender(deviceId: string, transport: Transport = apiFetch): SendBatch {
  return async (mutations) => {
    let response: Response;
    try {
      response = await transport('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-id': deviceId },
        body: JSON.stringify({ deviceId, mutations }),
        signal: syncDeadline(),
      });
    } catch {
      return { kind: 'unreachable' };
    }
    if (response.status === 401) return { kind: 'unauthenticated' };
    const body: unknown = await response.json().catch(() => null);
    // Only the app's own "internal" error says it failed on these changes; a proxy's 5xx, or the database
    // being away (503), says nothing about them.
    if (response.status === 500 && v.is(ApiErrorSchema, body) && body.error.code === 'internal') return { kind: 'failed' };
    const parsed = v.safeParse(PushResponseSchema, body);
    if (!response.ok || !parsed.success) return { kind: 'unreachable' };
    return { kind: 'results', results: parsed.output.results };
  };
}
