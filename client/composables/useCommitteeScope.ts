import { offeredPoints, planReportPoints } from '@shared/logic/calendar.ts';
import { overviewPeriod } from '@shared/logic/overviewPeriod.ts';
import { planPeriods, type PlanRecords } from '@shared/logic/planOverview.ts';
import { distinctPeriods } from '@shared/logic/reportingPeriod.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import { unitAndBelow } from '@shared/logic/unitScope.ts';
import { computed, ref, watch, type Ref } from 'vue';
import { useRoute } from 'vue-router';
import type { UnitTree } from './useUnitTree.ts';
import { useRouteQuery } from './useRouteQuery.ts';

/**
 * The period and unit a committee screen shows, held in the address (`?period=2024-T1&enhet=bup`) so the
 * link opens the same view for another member. The periods are the plan's report points that have begun
 * and every period with data; the default is the latest report point with reporting (see overviewPeriod),
 * and is then written into the address too. The unit is named by its key, which reads better in a link
 * than an id.
 */
export function useCommitteeScope(
  records: Readonly<Ref<PlanRecords | undefined>>,
  tree: Readonly<Ref<UnitTree | undefined>>,
  plan: Readonly<Ref<Plan | undefined>> = ref(undefined),
  today = new Date(),
) {
  const route = useRoute();
  const screen = route.name;
  const periodParam = useRouteQuery('period');
  const unitParam = useRouteQuery('enhet');

  const withData = computed(() => (records.value ? planPeriods(records.value) : []));
  const points = computed(() => (plan.value ? offeredPoints(planReportPoints(plan.value), today, 100).map((p) => p.period) : []));
  const periods = computed(() => distinctPeriods([...withData.value, ...points.value]));
  // Chosen once the records are there: a default made from the calendar alone would stick in the address.
  const period = computed(() =>
    !records.value ? null : overviewPeriod({ asked: periodParam.value, points: points.value, withData: withData.value, today }),
  );
  watch(
    period,
    (value) => {
      // Only while this screen is the one shown: leaving it must not write into the next screen's address.
      if (value && value !== periodParam.value && route.name === screen) periodParam.value = value;
    },
    { immediate: true },
  );

  /** For the period picker. */
  const periodModel = computed({
    get: () => period.value ?? '',
    set: (value: string) => {
      periodParam.value = value;
    },
  });

  const unit = computed(() => tree.value?.flat.find((entry) => entry.unit.key === unitParam.value)?.unit ?? null);
  const unitIds = computed(() => (unit.value && tree.value ? unitAndBelow([...tree.value.byId.values()], unit.value.id) : null));
  /** For a unit picker that works with ids. */
  const unitId = computed({
    get: () => unit.value?.id ?? '',
    set: (id: string) => {
      unitParam.value = tree.value?.byId.get(id)?.key ?? '';
    },
  });
  /** The query that takes the period and unit along to the other committee screens. */
  const carried = computed(() => ({ period: period.value ?? undefined, enhet: unit.value?.key }));

  return { periods, period, periodModel, unit, unitId, unitIds, carried };
}
