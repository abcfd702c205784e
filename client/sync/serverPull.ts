import { hc } from 'hono/client';
import type { AppType } from '../../server/app.ts';
import { api } from '../api.ts';
import type { FetchPage } from './pull.ts';
import type { Transport } from './serverPush.ts';
import { syncDeadline } from './deadline.ts';

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

const pageFetcher =
  (client: typeof api): FetchPage =>
  async (since, limit, scope, epoch) => {
    const query = { since: String(since), limit: String(limit), ...(scope === null ? {} : { scope: String(scope) }), ...(epoch === null ? {} : { epoch }) };
    const response = await client.sync.pull.$get({ query }, { init: { signal: syncDeadline() } });
    if (!response.ok) throw new HttpError(response.status);
    return response.json();
  };

/** One page of changes from this app's server. */
export const fetchServerPage: FetchPage = pageFetcher(api);

/** The same, over a transport of the caller's (tests and benchmarks reach a server elsewhere). */
export const serverPageFetcher = (transport: Transport): FetchPage => pageFetcher(hc<AppType>('/api', { fetch: transport }));
