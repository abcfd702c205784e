/// <reference types="vite/client" />
import { onScopeDispose, readonly, ref } from 'vue';
import type { Workbox } from 'workbox-window';

/** How often an app left open looks for a new version (also when it comes back into view). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (client/sw.ts) and tells when a new version of the app is installed and
 * waiting. The page is never reloaded on its own: only `update()`, called when the person chooses to,
 * lets the new version take over, and the page reloads once it has. Used once, by PwaUpdatePrompt.
 */
export function useAppUpdate() {
  /** A new version is installed and waits for the person to choose it. */
  const available = ref(false);
  /** The person chose to update; the page reloads when the new version controls it. */
  const updating = ref(false);
  let workbox: Workbox | null = null;
  let lastCheck = Date.now();

  async function register() {
    // Loaded after the app has started: registering waits for the page's load event anyway.
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox('/sw.js', { scope: '/' });
    wb.addEventListener('waiting', () => {
      available.value = true;
    });
    wb.addEventListener('controlling', (event) => {
      if (updating.value) window.location.reload();
      // Updated from another tab: this page still runs the old version's code, so offer the reload here too.
      // (Not at the very first install, when the worker takes an uncontrolled page: nothing changed then.)
      else if (event.isUpdate) available.value = true;
    });
    await wb.register();
    workbox = wb;
  }

  /** Asks the server for a newer service worker, at most once per interval and only when it can answer. */
  function checkForUpdate() {
    if (!workbox || document.visibilityState !== 'visible' || !navigator.onLine) return;
    if (Date.now() - lastCheck < CHECK_EVERY_MS) return;
    lastCheck = Date.now();
    workbox.update().catch(() => {
      // The server could not be reached: the next check tries again.
    });
  }

  async function update() {
    if (!workbox || updating.value) return;
    updating.value = true;
    const registration = await navigator.serviceWorker.getRegistration();
    if (registration?.waiting) workbox.messageSkipWaiting();
    // Another tab already let the new version take over: only this page's code is old.
    else window.location.reload();
  }

  /** "Later": hidden until the app starts again, when the waiting version is offered anew. */
  function dismiss() {
    available.value = false;
  }

  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    register().catch((error: unknown) => {
      // Without a service worker the app still works online; it only cannot start offline.
      console.warn('Service worker registration failed', error);
    });
    document.addEventListener('visibilitychange', checkForUpdate);
    const timer = setInterval(checkForUpdate, CHECK_EVERY_MS);
    onScopeDispose(() => {
      document.removeEventListener('visibilitychange', checkForUpdate);
      clearInterval(timer);
    });
  }

  return { available: readonly(available), updating: readonly(updating), update, dismiss };
}
