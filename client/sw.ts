/// <reference lib="webworker" />
/**
 * The service worker: it keeps the app shell (HTML, JS, CSS, icons, manifest of this build) on the device
 * so the app opens without network, and sends the outbox when the browser wakes it for Background Sync.
 * It holds no data of its own: records and the outbox are in IndexedDB, and /api always goes to the network.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { deviceDb } from './db/deviceDb.ts';
import { OUTBOX_SYNC_TAG } from './sync/backgroundSync.ts';
import { deviceIdOf } from './sync/deviceId.ts';
import { exclusively } from './sync/exclusive.ts';
import { pushOutbox } from './sync/push.ts';
import { serverSender } from './sync/serverPush.ts';

declare const self: ServiceWorkerGlobalScope;

/** Background Sync's event is not in TypeScript's web worker library yet. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// The build's file list with content hashes, injected by vite-plugin-pwa (injectManifest).
precacheAndRoute(self.__WB_MANIFEST);
// Precaches of older Workbox versions, which a new version of Workbox would otherwise leave behind.
cleanupOutdatedCaches();

// Any address of the app opened directly (a bookmark, the home-screen icon, a reload) gets the shell,
// which routes on the device. Not the API, and not a file such as /robots.txt: those go to the network.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // Matched against path and query: /api and below; a last path segment with a dot in it.
    denylist: [/^\/api(\/|\?|$)/, /^[^?]*\/[^/?]*\.[^/?]*(\?.*)?$/],
  }),
);

// A new version waits until the person chooses to update (useAppUpdate asks with this message): swapping
// the shell under an open page could load the next screen's code from a different build.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The browser wakes the worker when there is network again after a change was queued, even with the app
// closed. It sends as an open tab would, under the same lock; failing when the server could not be
// reached makes the browser try again later. A lost session waits for the person to sign in in the app.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag === OUTBOX_SYNC_TAG) sync.waitUntil(sendOutbox());
});

async function sendOutbox(): Promise<void> {
  const sent = await exclusively(async () => pushOutbox(deviceDb, serverSender(await deviceIdOf(deviceDb))));
  if (sent.stopped === 'unreachable') throw new Error('The server could not be reached; the browser tries again later.');
}

// The first install takes the open page at once, so it works offline without a reload. An update never
// gets here before the person agreed: it waits (above), and the pages it takes over are reloaded.
clientsClaim();
