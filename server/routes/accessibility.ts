import { Hono } from 'hono';
import { describeRoute } from 'hono-openapi';
import type { AccessibilitySettings } from '@shared/schemas/accessibility.ts';
import type { AppEnv } from '../lib/appEnv.ts';
import { authorize } from '../lib/authorize.ts';

/**
 * What the installation says in the accessibility statement: who runs it and where to report a problem.
 * Public, as the statement is: the law asks that anyone can read it, signed in or not.
 */
export const accessibilityRoutes = new Hono<AppEnv>().get(
  '/',
  describeRoute({ summary: 'The installation’s part of the accessibility statement: organisation and where to report a problem', tags: ['tillgänglighet'], responses: { 200: { description: 'OK' } } }),
  authorize('public'),
  (c) => c.json(c.var.settings.accessibility satisfies AccessibilitySettings, 200),
);
