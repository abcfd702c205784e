import { defineStore } from 'pinia';
import { computed, readonly, ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from '../composables/useLiveQuery.ts';
import { pull } from '../sync/pull.ts';
import { pushOutbox } from '../sync/push.ts';
import { fetchServerPage, HttpError } from '../sync/serverPull.ts';
import { deviceIdOf } from '../sync/deviceId.ts';
import { serverSender } from '../sync/serverPush.ts';
import { retryDelay } from '../sync/backoff.ts';
import { requestBackgroundSend } from '../sync/backgroundSync.ts';
import { syncFailureOf, type SyncFailure } from '../sync/failure.ts';
import { exclusively } from '../sync/exclusive.ts';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'failed' | 'signedOut';

const DAY_MS = 24 * 60 * 60 * 1000;
const INTERVAL_MS = 60_000;
const AFTER_WRITE_MS = 1_500;

/**
 * What the device holds compared with the server, and the one place sync runs from: first the waiting
 * changes go out, then the server's changes come in. Runs at start, when the network or the app comes
 * back, shortly after a change is made, and every minute while the app is in view; after a failure it
 * tries again with a growing, jittered wait.
 */
export const useSyncStore = defineStore('sync', () => {
  const runState = ref<SyncState>(navigator.onLine ? 'idle' : 'offline');
  const online = ref(navigator.onLine);
  /**
   * Offline whenever the browser says so, whatever a run started before the network went is doing: a
   * request already on its way may still finish, and that is no reason to say the changes made since
   * are about to be sent.
   */
  const state = computed<SyncState>(() => (online.value ? runState.value : 'offline'));
  const noticeNetwork = () => (online.value = navigator.onLine);
  /** Why the last run failed, while the state is `failed`. */
  const failure = ref<SyncFailure | null>(null);
  /** How far a pull of more than one page has come (0–1), while it runs. */
  const progress = ref<number | null>(null);
  const lastPulledAt = useLiveQuery(async () => {
    const entry = await deviceDb.meta.get('lastPulledAt');
    return typeof entry?.value === 'string' ? entry.value : null;
  });
  const outbox = useLiveQuery(() => deviceDb.outbox.toArray());
  const pendingCount = computed(() => outbox.value?.filter((entry) => entry.state === 'pending').length ?? 0);
  const refused = computed(() => outbox.value?.filter((entry) => entry.state !== 'pending') ?? []);
  const conflictCount = useLiveQuery(async () => {
    const counts = await Promise.all([deviceDb.activity, deviceDb.outcome, deviceDb.goalAssessment, deviceDb.assignment].map((table) => table.where('conflicts.length').above(0).count()));
    return counts.reduce((sum, n) => sum + n, 0);
  });
  const outboxFor = (recordId: string) => outbox.value?.filter((entry) => entry.recordId === recordId) ?? [];
  const isStale = computed(() => !!lastPulledAt.value && Date.now() - new Date(lastPulledAt.value).getTime() > DAY_MS);
  let inFlight: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  /** Sends and fetches changes, or joins the run already going (and runs once more after it). */
  function syncNow(): Promise<void> {
    if (!noticeNetwork()) {
      runState.value = 'offline';
      return Promise.resolve();
    }
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = (async () => {
      runState.value = 'syncing';
      clearTimeout(retry);
      try {
        const stopped = await exclusively(async () => {
          do {
            again = false;
            const pushed = await pushOutbox(deviceDb, serverSender(await deviceIdOf(deviceDb)));
            if (pushed.stopped) return pushed.stopped;
            await pull(deviceDb, fetchServerPage, { onProgress: (share) => (progress.value = share) }).finally(() => (progress.value = null));
          } while (again);
          return null;
        });
        if (stopped === 'unauthenticated') {
          runState.value = 'signedOut';
          return;
        }
        if (stopped === 'unreachable') throw new Error('the server did not answer');
        failures = 0;
        failure.value = null;
        runState.value = 'idle';
      } catch (error) {
        if (error instanceof HttpError && error.status === 401) {
          runState.value = 'signedOut';
          return;
        }
        failures++;
        failure.value = syncFailureOf(error);
        runState.value = navigator.onLine ? 'failed' : 'offline';
        if (navigator.onLine) retry = setTimeout(() => void syncNow(), retryDelay(failures));
      } finally {
        inFlight = null;
        noticeNetwork();
      }
    })();
    return inFlight;
  }

  /**
   * Called after a change is recorded: several quick changes go out together, and the browser is asked to
   * send them even if the app is closed before the network comes back.
   */
  function changed() {
    void requestBackgroundSend();
    // Browsers do not always fire `offline` (an emulated or flaky network); say it as soon as we notice.
    noticeNetwork();
    clearTimeout(timer);
    timer = setTimeout(() => void syncNow(), AFTER_WRITE_MS);
  }

  window.addEventListener('online', () => void syncNow());
  window.addEventListener('offline', noticeNetwork);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void syncNow();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') void syncNow();
  }, INTERVAL_MS);

  return { state: readonly(state), failure: readonly(failure), progress: readonly(progress), lastPulledAt, pendingCount, refused, conflictCount, outboxFor, isStale, syncNow, changed };
});
