import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import * as v from 'valibot';
import { MutationSchema, PushRequestSchema, PushResponseSchema, type MutationResult, type PushResponse } from '@shared/schemas/mutation.ts';
import { issuePath } from '@shared/schemas/messages.ts';
import { PullQuerySchema, PullResponseSchema, type PullResponse } from '@shared/schemas/sync.ts';
import { changesSince } from '../db/records.ts';
import { serverEpoch } from '../db/serverIdentity.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { actorOf } from '../lib/actor.ts';
import { accessOf, authorize } from '../lib/authorize.ts';
import { jsonAnswer, jsonTextAnswer } from '../lib/jsonAnswer.ts';
import { rightsKey } from '../lib/pullCache.ts';
import { requestHeads } from '../lib/requestHeads.ts';
import { runMutation } from '../lib/mutations/runMutation.ts';
import { validate } from '../lib/validate.ts';

export const syncRoutes = new Hono<AppEnv>()
  .get(
  '/pull',
  describeRoute({
    summary: 'Every record the signed-in person may read that changed after change sequence `since` (removals included), oldest first, paged by `limit`',
    tags: ['sync'],
    responses: { 200: { description: 'A page of changes', content: { 'application/json': { schema: resolver(PullResponseSchema) } } } },
  }),
  authorize('signedIn'),
  validate('query', PullQuerySchema),
  async (c) => {
    const { since, limit, scope, epoch: deviceEpoch } = c.req.valid('query');
    const access = accessOf(c);
    const db = c.get('db');
    const scopeVersion = access.user.scopeVersion;
    // The head was read before anything else: anything committed after it is left for the next pull, never skipped.
    const [{ seq: head }, epoch] = await Promise.all([requestHeads(c), serverEpoch(db)]);
    const otherDatabase = since > 0 && deviceEpoch !== undefined && deviceEpoch !== epoch;
    if (since > head || otherDatabase || (since > 0 && scope !== undefined && scope !== scopeVersion)) {
      return jsonAnswer(c, { changes: [], cursor: 0, hasMore: true, reset: true, scope: scopeVersion, head, epoch } satisfies PullResponse);
    }
    // "Anything new?" — every installed device asks every minute; with nothing new, the records are not touched.
    if (since === head) return jsonAnswer(c, { changes: [], cursor: head, hasMore: false, reset: false, scope: scopeVersion, head, epoch } satisfies PullResponse);
    const cache = c.get('pullCache');
    const key = `${rightsKey(access)}/${epoch}/${since}/${limit}`;
    const kept = cache.get(key, head);
    if (kept !== undefined) return jsonTextAnswer<PullResponse>(c, kept);
    const page = await changesSince(db, since, limit, access.isAdmin ? null : access.readableUnitIds, access.isAdmin ? null : access.minutesReadableUnitIds);
    const hasMore = page.count === limit;
    const cursor = hasMore && page.lastSeq !== null ? page.lastSeq : Math.max(head, page.lastSeq ?? since);
    const rest = { cursor, hasMore, reset: false, scope: scopeVersion, head, epoch } satisfies Omit<PullResponse, 'changes'>;
    // The page's changes are JSON text already (changesSince); the rest is written around them.
    const answer = `${JSON.stringify(rest).slice(0, -1)},"changes":${page.json}}`;
    cache.set(key, head, answer);
    return jsonTextAnswer<PullResponse>(c, answer);
  },
)
  .post(
    '/push',
    describeRoute({
      summary: 'Apply a device’s queued mutations in order, each exactly once; answers applied, conflict or rejected per mutation',
      tags: ['sync'],
      responses: { 200: { description: 'One result per mutation, in order', content: { 'application/json': { schema: resolver(PushResponseSchema) } } } },
    }),
    authorize('signedIn'),
    validate('json', PushRequestSchema),
    async (c) => {
      const { deviceId, mutations } = c.req.valid('json');
      const actor = actorOf(c, deviceId);
      const results: MutationResult[] = [];
      for (const raw of mutations) {
        const parsed = v.safeParse(MutationSchema, raw);
        if (!parsed.success) {
          const issue = parsed.issues[0];
          const path = issuePath(issue);
          results.push({ id: idOf(raw), status: 'rejected', message: `Ändringen är ogiltig: ${path ? `${path}: ` : ''}${issue.message}` });
          continue;
        }
        results.push((await runMutation(c.var.db, actor, parsed.output)).result);
      }
      return c.json({ results } satisfies PushResponse, 200);
    },
  );

/** The id a device gave a mutation, even one that is otherwise invalid, so the device can match the answer. */
function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : '00000000-0000-0000-0000-000000000000';
}
