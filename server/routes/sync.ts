import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { PullQuerySchema, PullResponseSchema, type PullResponse } from '@shared/schemas/sync.ts';
import { changesSince, currentSeq } from '../db/records.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { validate } from '../lib/validate.ts';

export const syncRoutes = new Hono<AppEnv>().get(
  '/pull',
  describeRoute({
    summary: 'Every record the signed-in person may read that changed after change sequence `since` (removals included), oldest first, paged by `limit`',
    tags: ['sync'],
    responses: { 200: { description: 'A page of changes', content: { 'application/json': { schema: resolver(PullResponseSchema) } } } },
  }),
  authorize('signedIn'),
  validate('query', PullQuerySchema),
  async (c) => {
    const { since, limit, scope } = c.req.valid('query');
    const access = accessOf(c);
    const db = c.var.db;
    const scopeVersion = access.user.scopeVersion;
    // Read the head first: anything committed after this read is left for the next pull, never skipped.
    const head = await currentSeq(db);
    if (since > head || (since > 0 && scope !== undefined && scope !== scopeVersion)) {
      return c.json({ changes: [], cursor: 0, hasMore: true, reset: true, scope: scopeVersion } satisfies PullResponse, 200);
    }
    const changes = await changesSince(db, since, limit, access.isAdmin ? null : access.readableUnitIds);
    const hasMore = changes.length === limit;
    const last = changes.at(-1)?.seq;
    const cursor = hasMore && last !== undefined ? last : Math.max(head, last ?? since);
    return c.json({ changes, cursor, hasMore, reset: false, scope: scopeVersion } satisfies PullResponse, 200);
  },
);
