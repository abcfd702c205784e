import { api } from '../api.ts';
import type { FetchPage } from './pull.ts';

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** One page of changes from this app's server. */
export const fetchServerPage: FetchPage = async (since, limit, scope) => {
  const query = { since: String(since), limit: String(limit), ...(scope === null ? {} : { scope: String(scope) }) };
  const response = await api.sync.pull.$get({ query });
  if (!response.ok) throw new HttpError(response.status);
  return response.json();
};
