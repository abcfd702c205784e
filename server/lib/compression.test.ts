import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compression } from './compression.ts';

const page = JSON.stringify({ changes: Array.from({ length: 200 }, (_, i) => ({ entity: 'activity', id: `id-${i}`, record: { name: 'Aktivitet', status: 'Enligt plan' } })) });

function app() {
  const hono = new Hono();
  hono.use('*', compression());
  hono.get('/page', (c) => c.body(page, 200, { 'content-type': 'application/json; charset=UTF-8' }));
  hono.get('/small', (c) => c.json({ changes: [] }));
  hono.get('/varied', (c) => c.body(page, 200, { 'content-type': 'application/json', vary: 'Cookie' }));
  hono.get('/pdf', (c) => c.body(page, 200, { 'content-type': 'application/pdf' }));
  hono.get('/untouchable', (c) => c.body(page, 200, { 'content-type': 'application/json', 'cache-control': 'no-transform' }));
  return hono;
}
const ask = (path: string, acceptEncoding?: string, method = 'GET') => app().request(path, { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('compression', () => {
  it('answers brotli to a browser that takes it, and the bytes come back whole', async () => {
    const res = await ask('/page', 'gzip, deflate, br');
    expect(res.headers.get('content-encoding')).toBe('br');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBeLessThan(page.length / 4);
    expect(brotliDecompressSync(body).toString()).toBe(page);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('answers gzip where brotli is not taken, or refused with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const res = await ask('/page', accept);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(page);
    }
  });

  it('sends the bytes as they are without an accepted encoding, still saying that the answer varies', async () => {
    for (const accept of [undefined, 'identity', 'zstd', '*']) {
      const res = await ask('/page', accept);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(await res.text()).toBe(page);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
    }
  });

  it('leaves a small answer uncompressed, with its length', async () => {
    const res = await ask('/small', 'br, gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-length')).toBe(String('{"changes":[]}'.length));
    expect(await res.json()).toEqual({ changes: [] });
  });

  it('adds to a Vary the handler set, and leaves alone what must not or need not be compressed', async () => {
    expect((await ask('/varied', 'br')).headers.get('vary')).toBe('Cookie, Accept-Encoding');
    for (const path of ['/pdf', '/untouchable']) {
      const res = await ask(path, 'br');
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(await res.text()).toBe(page);
    }
    const head = await ask('/page', 'br', 'HEAD');
    expect(head.headers.get('content-encoding')).toBeNull();
  });
});
