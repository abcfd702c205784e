import type { Context, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { setAnswerHeader } from './answerHeader.ts';
import type { AppEnv } from './appEnv.ts';
import { fail } from './errors.ts';
import { SESSION_COOKIE } from './session.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookie-authenticated writes must come from our own pages. Browsers say where a request comes from in
 * `Sec-Fetch-Site` and `Origin`; anything cross-site is refused, compared with the origin the browser
 * used (behind a trusted proxy, the proxy's https one). A write that carries the session cookie but says
 * nothing of where it comes from is refused too: every browser that sends the cookie sends one of them.
 */
export async function rejectCrossSite(c: Context<AppEnv>, next: Next) {
  if (UNSAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== c.get('client').origin);
    if (crossSite) return fail(403, 'cross_site', 'Förfrågan kom från en annan webbplats och avvisades.');
    if (site === undefined && origin === undefined && getCookie(c, SESSION_COOKIE) !== undefined) {
      return fail(403, 'cross_site', 'Förfrågan sa inte varifrån den kom och avvisades. Använd appen i webbläsaren.');
    }
  }
  return next();
}

/** HSTS whenever the browser reached the app over https: it then never tries plain http for a year. */
export async function strictTransport(c: Context<AppEnv>, next: Next) {
  await next();
  if (c.get('client').scheme === 'https') setAnswerHeader(c, 'Strict-Transport-Security', 'max-age=31536000');
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
