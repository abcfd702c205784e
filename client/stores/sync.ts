import { defineStore } from 'pinia';
import { computed, readonly, ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from '../composables/useLiveQuery.ts';
import { pull } from '../sync/pull.ts';
import { fetchServerPage } from '../sync/serverPull.ts';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'failed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the device holds compared with the server, and the one place a pull is started from. */
export const useSyncStore = defineStore('sync', () => {
  const state = ref<SyncState>(navigator.onLine ? 'idle' : 'offline');
  const lastPulledAt = useLiveQuery(async () => {
    const entry = await deviceDb.meta.get('lastPulledAt');
    return typeof entry?.value === 'string' ? entry.value : null;
  });
  const isStale = computed(() => !!lastPulledAt.value && Date.now() - new Date(lastPulledAt.value).getTime() > DAY_MS);
  let inFlight: Promise<void> | null = null;

  /** Starts a pull, or joins the one already running. */
  function syncNow(): Promise<void> {
    if (!navigator.onLine) {
      state.value = 'offline';
      return Promise.resolve();
    }
    inFlight ??= (async () => {
      state.value = 'syncing';
      try {
        await pull(deviceDb, fetchServerPage);
        state.value = 'idle';
      } catch {
        state.value = navigator.onLine ? 'failed' : 'offline';
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  }

  window.addEventListener('online', () => void syncNow());
  window.addEventListener('offline', () => {
    state.value = 'offline';
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });

  return { state: readonly(state), lastPulledAt, isStale, syncNow };
});
