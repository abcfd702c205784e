import { watch, type WatchSource } from 'vue';

/**
 * Leaves a `performance.mark('malbild:shown:<screen>')` once `ready` turns true, in the first task after
 * the browser painted the frame holding the data, so the bench (bench/screensBench.ts) can time a screen
 * as the person sees it. A mark costs nothing worth measuring and is kept to the page itself.
 */
export function useShownMark(screen: string, ready: WatchSource<boolean>) {
  watch(
    ready,
    (isReady) => {
      if (isReady) requestAnimationFrame(() => setTimeout(() => performance.mark(`malbild:shown:${screen}`)));
    },
    { immediate: true, flush: 'post' },
  );
}
