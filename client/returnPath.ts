import type { LocationQueryValue, RouteLocationRaw } from 'vue-router';
import { inAppPath } from '@shared/logic/returnPath.ts';

/** Where to go after signing in: a path inside the app, never another site (`//evil.example`). */
export function safeReturnPath(till: LocationQueryValue | LocationQueryValue[] | undefined): string {
  return inAppPath(Array.isArray(till) ? till[0] : till);
}

/** The sign-in screen, remembering where the person was going. */
export const signInLocation = (returnTo: string): RouteLocationRaw =>
  returnTo === '/' ? { name: 'login' } : { name: 'login', query: { till: returnTo } };
