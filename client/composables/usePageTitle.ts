import { onScopeDispose, watch } from 'vue';
import { useRoute } from 'vue-router';
import { usePageTitleStore } from '../stores/pageTitle.ts';

/**
 * Puts the name of the record a screen shows first in the document title ("<activity> – <plan> – Målbild")
 * once it has loaded, for as long as the screen is open.
 */
export function usePageTitle(name: () => string | null | undefined) {
  const route = useRoute();
  const store = usePageTitleStore();
  // The path when the name last changed: on leaving, the route moves on before the screen goes, and the
  // name must not be taken along to the next screen.
  let path = route.path;
  watch(
    name,
    (text) => {
      store.name(path, null);
      path = route.path;
      store.name(path, text ?? null);
    },
    { immediate: true },
  );
  onScopeDispose(() => store.name(path, null));
}
