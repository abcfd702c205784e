import { computed, watchEffect } from 'vue';
import { useRoute } from 'vue-router';
import { documentTitle } from '../documentTitle.ts';
import { usePageTitleStore } from '../stores/pageTitle.ts';
import { usePlans } from './usePlans.ts';

/**
 * Keeps the document title on the screen shown: its record (when the screen names one), the screen, the
 * plan it belongs to, the app. Called once, from App.vue.
 */
export function useDocumentTitle() {
  const route = useRoute();
  const store = usePageTitleStore();
  const plans = usePlans();
  const planName = computed(() => {
    const id = route.params.planId;
    return typeof id === 'string' ? (plans.value?.find((plan) => plan.id === id)?.name ?? null) : null;
  });
  watchEffect(() => {
    const record = store.record?.path === route.path ? store.record.name : null;
    document.title = documentTitle(String(route.name ?? ''), { record, plan: planName.value });
  });
}
