import { computed, type WritableComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { leavingPath } from '../pendingNavigation.ts';

/**
 * One value of the address's query as a ref: reading follows the address, writing replaces it (no new
 * history entry per keystroke). What a screen shows is then in its link, so a reload or a link sent to
 * another member opens the same view. Nothing is written while the person is already on the way to
 * another screen.
 */
export function useRouteQuery(key: string): WritableComputedRef<string> {
  const route = useRoute();
  const router = useRouter();
  return computed({
    get: () => {
      const value = route.query[key];
      return typeof value === 'string' ? value : '';
    },
    set: (value: string) => {
      if (!leavingPath(route.path)) void router.replace({ query: { ...route.query, [key]: value || undefined } });
    },
  });
}
