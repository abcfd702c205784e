const LOCK = 'malbild-sync';

/**
 * Runs `work` while holding the device-wide sync lock, so that of several open tabs only one talks to
 * the server at a time; the others wait, then find little left to do. The tables they all show are the
 * same IndexedDB, and Dexie's live queries follow changes made in any tab.
 */
export async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  if (!('locks' in navigator)) return work();
  return navigator.locks.request(LOCK, work);
}
