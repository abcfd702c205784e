/** The Background Sync tag under which the service worker sends the outbox (see client/sw.ts). */
export const OUTBOX_SYNC_TAG = 'malbild-outbox';

/** Background Sync is not in TypeScript's DOM library yet (Chromium-based browsers have it). */
interface WithSyncManager {
  sync?: { register(tag: string): Promise<void> };
}

/**
 * Asks the browser to wake the service worker to send the outbox once there is network, even if the app
 * has been closed by then. Where the browser has no Background Sync (Firefox, Safari) or does not allow
 * it, the changes wait on the device and go when the app is next open, as they always do.
 */
export async function requestBackgroundSend(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as (ServiceWorkerRegistration & WithSyncManager) | undefined;
    await registration?.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Not permitted here (e.g. a private window): the app sends when it is open, as without it.
  }
}
