import type { Context, Next } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './appEnv.ts';
import { fail } from './errors.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie-authenticated writes must come from our own pages. Browsers say where a request comes from in
 * `Sec-Fetch-Site` and `Origin`; anything cross-site is refused. Requests without either header do not
 * come from a browser page, so they carry no ambient cookie risk.
 */
export async function rejectCrossSite(c: Context<AppEnv>, next: Next) {
  if (UNSAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const ownOrigin = new URL(c.req.url).origin;
    const crossSite = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== ownOrigin);
    if (crossSite) return fail(403, 'cross_site', 'Förfrågan kom från en annan webbplats och avvisades.');
  }
  return next();
}

/** CSP without inline scripts; styles may be inline because Vue binds `style` attributes. */
export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  xContentTypeOptions: 'nosniff',
  strictTransportSecurity: false,
});
