import { hc } from 'hono/client';
import type { AppType } from '../server/app.ts';
import { apiFetch } from './http.ts';

/** The typed API client; only the sync layer and online-only screens use it. */
export const api = hc<AppType>('/api', { fetch: apiFetch });
