import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { PullQuerySchema, PullResponseSchema, type PullResponse } from '@shared/schemas/sync.ts';
import { changesSince, currentSeq } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { validate } from '../lib/validate.ts';

export const syncRoutes = new Hono<AppEnv>().get(
  '/pull',
  describeRoute({
    summary: 'Every record changed after change sequence `since` (tombstones included), oldest first, paged by `limit`',
    tags: ['sync'],
    responses: { 200: { description: 'A page of changes', content: { 'application/json': { schema: resolver(PullResponseSchema) } } } },
  }),
  validate('query', PullQuerySchema),
  async (c) => {
    const { since, limit } = c.req.valid('query');
    const db = c.var.db;
    // Read the head first: anything committed after this read is left for the next pull, never skipped.
    const head = await currentSeq(db);
    if (since > head) return c.json({ changes: [], cursor: 0, hasMore: true, reset: true } satisfies PullResponse, 200);
    const changes = await changesSince(db, since, limit);
    const hasMore = changes.length === limit;
    const last = changes.at(-1)?.seq;
    const cursor = hasMore && last !== undefined ? last : Math.max(head, last ?? since);
    return c.json({ changes, cursor, hasMore, reset: false } satisfies PullResponse, 200);
  },
);
