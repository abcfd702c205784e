import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotli, gzip } from '../build/compression.ts';
import { openTestApp, type TestApp } from '../tests/fixtures/testApp.ts';
import { createApp } from './app.ts';

let t: TestApp;
let app: ReturnType<typeof createApp>;
const script = 'console.log("Målbild");'.repeat(200);
const shell = `<!doctype html><title>Målbild</title>${'<p>Målbild</p>'.repeat(200)}`;

/** A client build as `vite build` writes it: the precompressed copies beside the files, and the real robots.txt. */
beforeAll(async () => {
  t = await openTestApp();
  const clientDir = mkdtempSync(join(tmpdir(), 'client-'));
  mkdirSync(join(clientDir, 'assets'));
  const files = { 'index.html': shell, 'assets/app-abc123.js': script };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(clientDir, name), text);
    writeFileSync(join(clientDir, `${name}.br`), brotli(Buffer.from(text)));
    writeFileSync(join(clientDir, `${name}.gz`), gzip(Buffer.from(text)));
  }
  copyFileSync('client/public/robots.txt', join(clientDir, 'robots.txt'));
  app = createApp({ db: t.db, clientDir });
});
afterAll(() => t.close());

const body = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('the app’s static files', () => {
  it('answer /robots.txt as text that keeps the signed-in screens and the API out of search engines, not with the app’s page', async () => {
    const response = await app.request('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).toMatch(/^Disallow: \/$/m);
    // Only the public pages are allowed: the start address, the sign-in page and the accessibility statement.
    expect(text.match(/^Allow: .*$/gm)).toEqual(['Allow: /$', 'Allow: /logga-in', 'Allow: /tillganglighet']);
    expect(text).not.toContain('<');
  });

  it('are sent as built with brotli to a browser that accepts it, else gzip, else as they are, always varying by Accept-Encoding', async () => {
    const chromium = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(chromium.headers.get('content-encoding')).toBe('br');
    expect(chromium.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(chromium.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(chromium.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(await body(chromium)).toString()).toBe(script);

    const older = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(older.headers.get('content-encoding')).toBe('gzip');
    expect(older.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(gunzipSync(await body(older)).toString()).toBe(script);

    const plain = await app.request('/assets/app-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await body(plain)).toString()).toBe(script);
  });

  it('send the precompressed shell for any address of the app, revalidated every time', async () => {
    const response = await app.request('/planer/x/mina-uppgifter', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(await body(response)).toString()).toBe(shell);
  });
});
