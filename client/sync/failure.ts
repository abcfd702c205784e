import { isQuotaError } from '../db/quota.ts';
import { HttpError } from './serverPull.ts';

/** Why a sync run failed, as the person is told it. */
export type SyncFailure = { kind: 'unreachable' } | { kind: 'server'; status: number } | { kind: 'quota' } | { kind: 'unexpected' };

/**
 * Sorts what a sync run threw: a full device is not a network problem (and freeing space, not waiting,
 * fixes it), a server error is the server's, and an answer the app cannot read says so. Anything else
 * (fetch's own TypeError, no answer at all) is the network.
 */
export function syncFailureOf(error: unknown): SyncFailure {
  if (isQuotaError(error)) return { kind: 'quota' };
  if (error instanceof HttpError) return { kind: 'server', status: error.status };
  if (error instanceof Error && error.name === 'ValiError') return { kind: 'unexpected' };
  return { kind: 'unreachable' };
}
