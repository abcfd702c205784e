import { api } from '../api.ts';
import type { FetchPage } from './pull.ts';

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** One page of changes from this app's server. */
export const fetchServerPage: FetchPage = async (since, limit) => {
  const response = await api.sync.pull.$get({ query: { since: String(since), limit: String(limit) } });
  if (!response.ok) throw new HttpError(response.status);
  return response.json();
};
