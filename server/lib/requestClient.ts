import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** Where a request came from and how the browser reached the app: the facts security decisions rest on. */
export interface RequestClient {
  /** The browser's address (or the proxy's, when the proxy is not trusted). */
  address: string;
  scheme: 'http' | 'https';
  /** The host the browser asked for, with its port. */
  host: string;
  /** `scheme://host`, what the browser's `Origin` says for the app's own pages. */
  origin: string;
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'okänd';
  } catch {
    // app.request() in tests has no socket.
    return 'okänd';
  }
}

/** The last value of a comma-separated header: the one our own proxy added (earlier ones come from the client). */
const lastOf = (header: string | undefined) => header?.split(',').at(-1)?.trim() || undefined;

/** The `for`, `proto` and `host` of the last element of an RFC 7239 `Forwarded` header. */
function forwarded(header: string | undefined): Partial<Record<'for' | 'proto' | 'host', string>> {
  const last = lastOf(header);
  if (!last) return {};
  const pairs = last.split(';').map((pair) => pair.trim().split('=') as [string, string | undefined]);
  const value = (key: string) => {
    const raw = pairs.find(([k]) => k.toLowerCase() === key)?.[1]?.replace(/^"|"$/g, '');
    return raw || undefined;
  };
  // `for` may be "[2001:db8::1]:4711" or "192.0.2.60:4711"; only the address counts.
  const address = value('for')?.replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/^([\d.]+):\d+$/, '$1');
  return { for: address, proto: value('proto'), host: value('host') };
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The request's client. Without a trusted proxy, the socket and the URL tell; behind one (`TRUST_PROXY`),
 * the proxy's `Forwarded` or `X-Forwarded-*` headers do, so that the address is the browser's, not the
 * proxy's (sign-in limits), and the scheme is the browser's https (Secure cookies, HSTS, the Origin check).
 * A malformed forwarded host is ignored rather than trusted.
 */
export function readRequestClient(c: Context, trustProxy: boolean): RequestClient {
  const url = new URL(c.req.url);
  let address = socketAddress(c);
  let scheme: RequestClient['scheme'] = url.protocol === 'https:' ? 'https' : 'http';
  let host = url.host;
  if (trustProxy) {
    const standard = forwarded(c.req.header('forwarded'));
    address = standard.for ?? lastOf(c.req.header('x-forwarded-for')) ?? address;
    const proto = (standard.proto ?? lastOf(c.req.header('x-forwarded-proto')))?.toLowerCase();
    if (proto === 'https' || proto === 'http') scheme = proto;
    const forwardedHost = standard.host ?? lastOf(c.req.header('x-forwarded-host'));
    if (forwardedHost && HOST.test(forwardedHost)) host = forwardedHost;
  }
  return { address: address.slice(0, 64), scheme, host, origin: `${scheme}://${host}` };
}
