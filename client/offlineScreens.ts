const loaders: (() => Promise<unknown>)[] = [];

/**
 * Marks a screen the app must open without network. Its code is still loaded apart from the first
 * screen's, but `loadOfflineScreens` fetches it soon after start: a device that loses its signal before
 * the service worker has taken over the page (the first visit, a precache cut off by the lost network)
 * would otherwise fail on the first tap to a screen not yet opened.
 */
export function offlineScreen<T>(load: () => Promise<T>): () => Promise<T> {
  loaders.push(load);
  return load;
}

/**
 * Loads every offline screen's code, one at a time in the browser's idle time after the page's load event,
 * so none of it competes with the first screen. A load that fails (no network yet) is left to the screen's
 * own first opening, as without this. A mark `malbild:offline-screens` tells the tests when all are in.
 */
export function loadOfflineScreens(): void {
  const idle = (next: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(next, { timeout: 2_000 }) : setTimeout(next, 50));
  const loadFrom = (index: number) => {
    const load = loaders[index];
    if (load) idle(() => void load().catch(() => undefined).finally(() => loadFrom(index + 1)));
    else performance.mark('malbild:offline-screens');
  };
  if (document.readyState === 'complete') loadFrom(0);
  else window.addEventListener('load', () => loadFrom(0), { once: true });
}
