import { nextTick, onScopeDispose } from 'vue';
import { useRouter } from 'vue-router';

/**
 * After moving to another screen, focus goes to the main content, where the skip link leads too: a
 * screen reader starts reading the new screen, and the next Tab is the screen's first control rather than
 * the top of the page or a link that is gone. A change of query alone (a filter, a search typed) is the
 * same screen and keeps focus where it is. Called once, from App.vue.
 */
export function useFocusOnNavigation(target: () => HTMLElement | null) {
  const stop = useRouter().afterEach((to, from, failure) => {
    if (failure || from.matched.length === 0 || to.path === from.path) return;
    void nextTick(() => target()?.focus({ preventScroll: true }));
  });
  onScopeDispose(stop);
}
