import type { LocationQueryValue, RouteLocationRaw } from 'vue-router';

/** Where to go after signing in: a path inside the app, never another site (`//evil.example`). */
export function safeReturnPath(till: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const path = Array.isArray(till) ? till[0] : till;
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || path.startsWith('/logga-in')) return '/';
  return path;
}

/** The sign-in screen, remembering where the person was going. */
export const signInLocation = (returnTo: string): RouteLocationRaw =>
  returnTo === '/' ? { name: 'login' } : { name: 'login', query: { till: returnTo } };
