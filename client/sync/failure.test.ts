import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PullResponseSchema } from '@shared/schemas/sync.ts';
import { syncFailureOf } from './failure.ts';
import { HttpError } from './serverPull.ts';

describe('why a sync run failed', () => {
  it('tells a full device from a network problem, as Dexie wraps it', () => {
    const quota = Object.assign(new Error('BulkError'), { name: 'BulkError', inner: Object.assign(new Error('full'), { name: 'QuotaExceededError' }) });
    expect(syncFailureOf(quota)).toEqual({ kind: 'quota' });
  });

  it('names the server’s error by its status', () => {
    expect(syncFailureOf(new HttpError(503))).toEqual({ kind: 'server', status: 503 });
  });

  it('says when the answer was not one the app can read', () => {
    const unreadable = (() => {
      try {
        v.parse(PullResponseSchema, { changes: 'nej' });
      } catch (error) {
        return error;
      }
    })();
    expect(syncFailureOf(unreadable)).toEqual({ kind: 'unexpected' });
  });

  it('takes anything else for the network', () => {
    expect(syncFailureOf(new TypeError('Failed to fetch'))).toEqual({ kind: 'unreachable' });
  });
});
