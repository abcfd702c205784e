import { liveQuery, type Subscription } from 'dexie';
import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue';

/**
 * A Dexie query as a Vue ref that follows the database: re-run whenever a table it read changes, and
 * whenever one of `sources` (route params, filters) changes. `undefined` until the first answer.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, sources: WatchSource[] = []): Readonly<ShallowRef<T | undefined>> {
  const result = shallowRef<T>();
  let subscription: Subscription | null = null;
  const stop = watch(
    sources,
    () => {
      subscription?.unsubscribe();
      subscription = liveQuery(query).subscribe({
        next: (value) => {
          result.value = value;
        },
        error: (error: unknown) => console.error('Läsning från enhetens databas misslyckades', error),
      });
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    stop();
    subscription?.unsubscribe();
  });
  return result;
}
