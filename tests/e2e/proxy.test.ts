import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../fixtures/serverDatabase.ts';
import { startAppServer, type AppServer } from './appServer.ts';
import { DEMO_PASSWORD, launchChromium, signIn } from './browser.ts';

/**
 * The app as a region runs it: Debian's nginx in front, with TLS (a certificate made here) and the
 * shipped docs/nginx.conf, the app's proxy trust on. nginx reaches the app from an address of its own
 * (127.0.0.3), so the test can tell whose address the sign-in limits count: the browser's, or nginx's.
 */
const NGINX_ADDRESS = '127.0.0.3';
let app: AppServer;
let nginx: ChildProcess;
let dir: string;
let httpsURL: string;
let browser: Browser;

beforeAll(async () => {
  app = await startAppServer({ env: { TRUST_PROXY: '1' } });
  dir = mkdtempSync(join(tmpdir(), 'malbild-nginx-'));
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  expect(made.status).toBe(0);
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  const site = readFileSync('docs/nginx.conf', 'utf8')
    .replace('server 127.0.0.1:8080;', `server ${new URL(app.baseURL).host};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
    .replace('/etc/ssl/malbild/fullchain.pem', join(dir, 'cert.pem'))
    .replace('/etc/ssl/malbild/privkey.pem', join(dir, 'key.pem'))
    .replace('proxy_pass http://malbild;', `proxy_pass http://malbild;\n        proxy_bind ${NGINX_ADDRESS};`);
  expect(site).toContain(`proxy_bind ${NGINX_ADDRESS}`);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  ${site}
}
`,
  );
  nginx = spawn('/usr/sbin/nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const started = Date.now();
  while (!(await new Promise<boolean>((resolve) => connect(httpsPort, '127.0.0.1').once('connect', function (this: import('node:net').Socket) { this.destroy(); resolve(true); }).once('error', () => resolve(false))))) {
    if (nginx.exitCode !== null || Date.now() - started > 20_000) throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  httpsURL = `https://localhost:${httpsPort}`;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  if (nginx?.exitCode === null) {
    nginx.kill('SIGTERM');
    await new Promise((resolve) => nginx.once('exit', resolve));
  }
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A sign-in sent straight to the app's port from a chosen local address, past nginx. */
function directLogin(localAddress: string, email: string, password: string): Promise<number> {
  const url = new URL('/api/auth/login', app.baseURL);
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.once('error', reject);
    sent.end(JSON.stringify({ email, password }));
  });
}

describe('behind nginx with TLS', () => {
  it('signs in with a Secure cookie and HSTS, takes writes from its own origin only, and counts the browser’s address', async () => {
    const context = await browser.newContext({ baseURL: httpsURL, ignoreHTTPSErrors: true, locale: 'sv-SE', viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const shell = await page.goto('/logga-in');
    expect(shell?.headers()['strict-transport-security']).toBe('max-age=31536000');
    await signIn(page, 'controller@malbild.example');
    const session = (await context.cookies()).find((c) => c.httpOnly);
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });

    // A write from the app's own page, through the proxy, is taken; the answer carries nginx's request id.
    const own = await page.evaluate(async () => {
      const response = await fetch('/api/auth/logout-others', { method: 'POST' });
      return { status: response.status, requestId: response.headers.get('x-request-id') };
    });
    expect(own.status).toBe(200);
    expect(own.requestId).toMatch(/^[0-9a-f]{32}$/);
    const crossSite = await page.request.post('/api/auth/logout-others', { headers: { origin: 'https://angripare.example', 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error.message).toBe('Förfrågan kom från en annan webbplats och avvisades.');

    // Five wrong passwords from the browser lock the e-mail for the browser's address (127.0.0.1) only.
    const email = 'psykiatri@malbild.example';
    const statuses = await page.evaluate(async (email) => {
      const answers: number[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'fel-lösenord' }) });
        answers.push(response.status);
      }
      return answers;
    }, email);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await directLogin('127.0.0.1', email, DEMO_PASSWORD)).toBe(429);
    expect(await directLogin(NGINX_ADDRESS, email, DEMO_PASSWORD)).toBe(200);
    await context.close();
  });
});
