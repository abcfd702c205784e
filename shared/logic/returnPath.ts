/** Longer than any address of the app; a longer one is not ours. */
const MAX_LENGTH = 2000;

/**
 * Where to go after signing in: a path inside the app, never another site. `//evil.example` and
 * `/\evil.example` are other sites to a browser, and so is `/\t/evil.example` (browsers drop tabs and line
 * breaks from an address), hence no control characters at all. The sign-in screen and the API are no
 * places to return to. Anything else becomes the start page.
 */
export function inAppPath(path: string | null | undefined): string {
  if (!path || path.length > MAX_LENGTH || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (/\p{Cc}/u.test(path) || path.startsWith('/logga-in') || path === '/api' || path.startsWith('/api/')) return '/';
  return path;
}
