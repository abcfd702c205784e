import * as v from 'valibot';
import { PushResponseSchema } from '@shared/schemas/mutation.ts';
import { apiFetch } from '../http.ts';
import type { SendBatch } from './push.ts';

/** Sends a batch of changes to this app's server and sorts its answer. */
export function serverSender(deviceId: string): SendBatch {
  return async (mutations) => {
    let response: Response;
    try {
      response = await apiFetch('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-device-id': deviceId },
        body: JSON.stringify({ deviceId, mutations }),
      });
    } catch {
      return { kind: 'unreachable' };
    }
    if (response.status === 401) return { kind: 'unauthenticated' };
    const parsed = v.safeParse(PushResponseSchema, await response.json().catch(() => null));
    if (!response.ok || !parsed.success) return { kind: 'unreachable' };
    return { kind: 'results', results: parsed.output.results };
  };
}
