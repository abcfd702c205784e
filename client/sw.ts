/// <reference lib="webworker" />
/**
 * The service worker: it keeps the app shell (HTML, JS, CSS, icons, manifest of this build) on the device
 * so the app opens without network. It holds no data: records come from IndexedDB, and /api always goes
 * to the network.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

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

// The first install takes the open page at once, so it works offline without a reload. An update never
// gets here before the person agreed: it waits (above), and the pages it takes over are reloaded.
clientsClaim();
