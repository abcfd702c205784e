/** Whether an IndexedDB write failed because the device is out of storage (Dexie keeps the cause in `inner`). */
export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown } | null; e; e = e.inner as typeof e) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}
