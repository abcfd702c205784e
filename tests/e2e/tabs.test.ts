import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './appServer.ts';
import { launchChromium, PHONE, signIn } from './browser.ts';

/**
 * One device, several ways in: two tabs of the app show the same state and only one of them talks to
 * the server at a time; and a change queued offline reaches the server through the service worker's
 * Background Sync after the app has been closed.
 */
let server: AppServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // This file changes data; a server of its own keeps other files from seeing it.
  server = await startAppServer();
  browser = await launchChromium();
  context = await browser.newContext({ ...PHONE, baseURL: server.baseURL });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ACTIVITY = 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin';
const statusOf = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

async function openActivity(page: Page) {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Aktiviteter' }).click();
  await page.getByRole('link', { name: new RegExp(ACTIVITY) }).first().click();
  await page.getByRole('heading', { level: 1, name: ACTIVITY }).waitFor();
}

async function comment(page: Page, text: string) {
  await page.getByLabel('Kommentar').fill(text);
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await page.getByText('Sparat på enheten.').waitFor();
}

async function serverComments(page: Page): Promise<string[]> {
  const activityId = page.url().split('/').at(-1)!;
  const body = await (await context.request.get(`/api/activities/${activityId}`)).json();
  return (body.updates as { text: string | null }[]).map((u) => u.text ?? '');
}

/** Each sync request made in the context (by either tab or the service worker), with when it started and ended. */
function recordSyncRequests() {
  const spans: { url: string; body: string; start: number; end: number }[] = [];
  const open = new Map<Request, number>();
  context.on('request', (request) => {
    if (request.url().includes('/api/sync/')) open.set(request, Date.now());
  });
  const finish = (request: Request) => {
    const start = open.get(request);
    if (start === undefined) return;
    open.delete(request);
    spans.push({ url: request.url(), body: request.postData() ?? '', start, end: Date.now() });
  };
  context.on('requestfinished', finish);
  context.on('requestfailed', finish);
  return spans;
}

describe('two tabs of the app on one device', () => {
  it('show the same state, and only one of them syncs at a time', async () => {
    const first = await context.newPage();
    await signIn(first, 'bup@malbild.example');
    await openActivity(first);
    const second = await context.newPage();
    await second.goto(first.url());
    await second.getByRole('heading', { level: 1, name: ACTIVITY }).waitFor();

    await context.setOffline(true);
    await comment(first, 'Skrivet i första fliken.');
    await comment(second, 'Skrivet i andra fliken.');
    // Each tab shows both changes waiting, and the other tab's comment in the history.
    for (const page of [first, second]) {
      await statusOf(page, '2 ändringar är sparade på enheten').waitFor();
      await page.getByText('Skrivet i första fliken.').first().waitFor();
      await page.getByText('Skrivet i andra fliken.').first().waitFor();
    }

    const spans = recordSyncRequests();
    await context.setOffline(false);
    for (const page of [first, second]) await statusOf(page, 'Alla ändringar sparade').waitFor({ timeout: 30_000 });

    const comments = await serverComments(first);
    expect(comments.filter((text) => text === 'Skrivet i första fliken.')).toHaveLength(1);
    expect(comments.filter((text) => text === 'Skrivet i andra fliken.')).toHaveLength(1);
    // Both tabs (and the worker) were told the network was back; they took turns.
    const pushes = spans.filter((span) => span.url.includes('/push'));
    expect(pushes.filter((span) => span.body.includes('Skrivet i första fliken.'))).toHaveLength(1);
    const ordered = [...spans].sort((a, b) => a.start - b.start);
    for (let i = 1; i < ordered.length; i++) expect(ordered[i]!.start, `sync request ${i} began before the one before it ended`).toBeGreaterThanOrEqual(ordered[i - 1]!.end);
    await second.close();
    await first.close();
  });
});

describe('a change queued offline, the app then closed', () => {
  it('is sent by the service worker when the browser wakes it with Background Sync', async () => {
    const page = await context.newPage();
    await page.goto('/');
    await openActivity(page);
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);

    await context.setOffline(true);
    await comment(page, 'Skickat av service workern.');
    const tags = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync: { getTags(): Promise<string[]> } };
      return registration.sync.getTags();
    });
    expect(tags).toContain('malbild-outbox');
    const activityUrl = page.url();
    const activityId = activityUrl.split('/').at(-1)!;
    const onServer = async () =>
      ((await (await context.request.get(`/api/activities/${activityId}`)).json()).updates as { text: string | null }[]).filter((u) => u.text === 'Skickat av service workern.').length;
    const other = await context.newPage();
    await page.close();
    expect(await onServer()).toBe(0);

    // Chromium's Background Sync follows the worker's network (which the test's offline switch covers) and
    // wakes it once the network is back; no tab of the app is open to send anything.
    await context.setOffline(false);
    await expect.poll(onServer, { timeout: 30_000 }).toBe(1);

    // Opened again, the app finds nothing left to send.
    await other.goto(activityUrl);
    await statusOf(other, 'Alla ändringar sparade').waitFor({ timeout: 30_000 });
  });
});
