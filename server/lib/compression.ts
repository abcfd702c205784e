import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { accepts } from 'hono/accepts';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { setAnswerHeader } from './answerHeader.ts';

/** Below this an answer goes as it is: compressing it costs more time than the bytes it saves. */
const MIN_BYTES = 1024;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/** Ours, best first: among encodings the browser takes equally, brotli wins (browsers list gzip first). */
const ENCODINGS = ['br', 'gzip'];

function preferred(accepted: { type: string; q: number }[]): string {
  const q = (encoding: string) => accepted.find((a) => a.type.toLowerCase() === encoding)?.q ?? 0;
  const best = ENCODINGS.reduce((a, b) => (q(b) > q(a) ? b : a));
  return q(best) > 0 ? best : 'identity';
}

const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

/** Says that the answer depends on Accept-Encoding, beside whatever else the handler said it varies by. */
function varyByEncoding(c: Context): void {
  const vary = c.res.headers.get('Vary');
  if (!vary) setAnswerHeader(c, 'Vary', 'Accept-Encoding');
  else if (vary !== '*' && !/\baccept-encoding\b/i.test(vary)) setAnswerHeader(c, 'Vary', `${vary}, Accept-Encoding`);
}

/**
 * Compresses an answer for the browser that asked, once it is whole. Hono's own compress() streams
 * through CompressionStream, which offers neither brotli nor a level and compresses every answer of
 * unknown length, the 150-byte "nothing new" pull included. Measured on the demo's first pull page
 * (466 kB of JSON): brotli at quality 3 makes 55 kB in 2.3 ms, gzip at its default level 65 kB in 4.9 ms,
 * brotli's own default (11) is far too slow to run per request. The work runs on libuv's threads, off
 * the thread that answers requests.
 */
export function compression(): MiddlewareHandler {
  return async function compression(c, next) {
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type');
    // An answer that says it is small is left unread: reading a body means building a web stream for it.
    const declared = res.headers.get('Content-Length');
    if (declared !== null && Number(declared) < MIN_BYTES) {
      varyByEncoding(c);
      return;
    }
    if (
      !res.body ||
      c.req.method === 'HEAD' ||
      res.status === 206 ||
      res.headers.has('Content-Encoding') ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')
    ) {
      return;
    }
    const encoding = accepts(c, { header: 'Accept-Encoding', supports: ENCODINGS, default: 'identity', match: preferred });
    const plain = Buffer.from(await res.arrayBuffer());
    const body =
      encoding === 'identity' || plain.length < MIN_BYTES
        ? plain
        : encoding === 'br'
          ? await toBrotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } })
          : await toGzip(plain);
    // Hono copies the old answer's headers onto a new one set as c.res, so the headers are set after it.
    c.res = new Response(body, res);
    const headers = c.res.headers;
    varyByEncoding(c);
    if (body !== plain) headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(body.length));
    const etag = headers.get('ETag');
    if (body !== plain && etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  };
}
