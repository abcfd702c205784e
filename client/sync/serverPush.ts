import * as v from 'valibot';
import { PushResponseSchema } from '@shared/schemas/mutation.ts';
import { apiFetch } from '../http.ts';
import type { SendBatch } from './push.ts';

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
      });
    } catch {
      return { kind: 'unreachable' };
    }
    if (response.status === 401) return { kind: 'unauthenticated' };
    // A 500 is the server failing on these changes; 502–504 (a proxy, the database away) say nothing about them.
    if (response.status === 500) return { kind: 'failed' };
    const parsed = v.safeParse(PushResponseSchema, await response.json().catch(() => null));
    if (!response.ok || !parsed.success) return { kind: 'unreachable' };
    return { kind: 'results', results: parsed.output.results };
  };
}
