import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from './appEnv.ts';
import { log } from './log.ts';

/** A proxy's request id is kept only when it could not smuggle anything into a log line. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * One log line per request: its id (the proxy's, when trusted, so the two logs can be joined), method,
 * the route's pattern rather than its path (so no ids or search words from a query), status, duration
 * and the signed-in person's id. Headers and bodies are never logged.
 */
export function requestLog(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const forwarded = trustProxy ? c.req.header('x-request-id') : undefined;
    const id = forwarded && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
    const route = matchedRoutes(c).filter((r) => r.method !== 'ALL').at(-1)?.path ?? (c.req.path.startsWith('/api/') ? '/api/*' : '(app)');
    log().info(
      { req: { id, method: c.req.method, route }, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, userId: c.get('access')?.user.id ?? null },
      'request',
    );
  };
}
