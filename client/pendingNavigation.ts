import type { RouteLocationNormalized, Router } from 'vue-router';

let pending: RouteLocationNormalized | null = null;

/**
 * Follows the navigation under way, so that a screen's own write into its address (a default period
 * chosen once the records are in, a filter) never overtakes a tap that is already taking the person to
 * another screen: the later router.replace would win and send them back.
 */
export function trackPendingNavigation(router: Router): void {
  router.beforeEach((to) => {
    pending = to;
  });
  const settled = (to?: RouteLocationNormalized) => {
    if (!to || pending === to) pending = null;
  };
  router.afterEach((to) => settled(to));
  router.onError(() => settled());
}

/** Whether a navigation to another address than `path` is under way. */
export const leavingPath = (path: string): boolean => pending !== null && pending.path !== path;
