import { computed, ref, watchEffect } from 'vue';
import { useRoute } from 'vue-router';
import { defaultPlan, usePlans } from './usePlans.ts';

const lastPlanId = ref<string | null>(null);

/**
 * The plan the main menu leads into: the one on screen, or on a screen outside any plan (the changes on
 * the device) the one looked at last, else the plan a person most likely wants, so the menu never goes.
 */
export function useMenuPlanId() {
  const route = useRoute();
  const plans = usePlans();
  const routePlanId = computed(() => (typeof route.params.planId === 'string' ? route.params.planId : null));
  watchEffect(() => {
    if (routePlanId.value) lastPlanId.value = routePlanId.value;
  });
  return computed(() => routePlanId.value ?? lastPlanId.value ?? (plans.value ? (defaultPlan(plans.value)?.id ?? null) : null));
}
