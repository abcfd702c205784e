import type { Context, MiddlewareHandler, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import { loadAccess, type Access } from './access.ts';
import type { AppEnv } from './appEnv.ts';
import { fail } from './errors.ts';
import { requestHeads } from './requestHeads.ts';
import { hashToken, readSession, SESSION_COOKIE } from './session.ts';
import { setSessionCookie } from './sessionCookie.ts';

/**
 * What a route needs, declared on the route itself:
 * - `public`: anyone (health, sign-in);
 * - `signedIn`: any signed-in person; the handler shows only what `c.var.access` may read;
 * - `write`: a rapportör, controller or administratör; the handler checks the record's unit with `access.assertWrite`;
 * - `plan`: a controller or administratör; the handler checks the plan's unit with `access.assertPlan`;
 * - `admin`: an administratör.
 */
export type Rule = 'public' | 'signedIn' | 'write' | 'plan' | 'admin';

const RULE = Symbol('authorization rule');
type RuleMarked = MiddlewareHandler & { [RULE]?: Rule };

/** Marks a route with its rule. The one enforcement point is `enforceRules`, which reads the mark. */
export function authorize(rule: Rule): MiddlewareHandler<AppEnv> {
  const marker: RuleMarked = async (_c, next) => next();
  marker[RULE] = rule;
  return marker;
}

export function ruleOf(handler: unknown): Rule | undefined {
  return (handler as RuleMarked)[RULE];
}

/** The rule of the route a request matched; undefined means the route declared none. */
function matchedRule(c: Context<AppEnv>): Rule | undefined {
  for (const route of c.req.matchedRoutes) {
    const rule = ruleOf(route.handler);
    if (rule && (route.method === c.req.method || route.method === 'ALL' || (route.method === 'GET' && c.req.method === 'HEAD'))) return rule;
  }
  return undefined;
}

async function signedInAccess(c: Context<AppEnv>): Promise<Access | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return null;
  const key = hashToken(token);
  const { accessGeneration } = await requestHeads(c);
  const cache = c.get('accessCache');
  const known = cache.get(key, accessGeneration);
  if (known) return known;
  const db = c.get('db');
  const session = await readSession(db, token);
  if (!session) return null;
  if (session.slid) setSessionCookie(c, token);
  const access = await loadAccess(db, session.user);
  cache.set(key, accessGeneration, access, session.freshUntil);
  return access;
}

/**
 * The one place that decides who may call a route: it reads the rule the matched route declared and
 * fails closed — a route without a rule answers 403 for everyone (and the rule matrix test fails).
 */
export async function enforceRules(c: Context<AppEnv>, next: Next) {
  const rule = matchedRule(c);
  const access = await signedInAccess(c);
  c.set('access', access);
  if (rule === 'public') return next();
  if (!access) return fail(401, 'unauthenticated', 'Du är inte inloggad. Logga in och försök igen.');
  if (rule === undefined) return fail(403, 'no_rule', 'Den här adressen saknar behörighetsregel.');
  if (rule === 'admin' && !access.isAdmin) return fail(403, 'forbidden', 'Det här kräver rollen administratör.');
  if (rule === 'write' && access.writableUnitIds.size === 0) return fail(403, 'forbidden', 'Du har bara läsbehörighet.');
  if (rule === 'plan' && access.plannableUnitIds.size === 0) return fail(403, 'forbidden', 'Det här kräver rollen controller.');
  return next();
}

/** The signed-in person's rights, for handlers behind a non-public rule. */
export function accessOf(c: Context<AppEnv>): Access {
  const access = c.get('access');
  if (!access) return fail(401, 'unauthenticated', 'Du är inte inloggad. Logga in och försök igen.');
  return access;
}
