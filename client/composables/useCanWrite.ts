import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session.ts';

/**
 * Whether the signed-in person may change records of a unit (a rapportör's or administratör's grant
 * reaches it), for screens listing records of many units. Edit controls are shown only where this is
 * true; the server checks again on every write.
 */
export function useCanWriteUnit(): (unitId: string | null | undefined) => boolean {
  const session = useSessionStore();
  return (unitId) => !!unitId && !!session.me?.writableUnitIds.includes(unitId);
}

/** The same for one unit, as a ref. */
export function useCanWrite(unitId: MaybeRefOrGetter<string | null | undefined>): ComputedRef<boolean> {
  const canWriteUnit = useCanWriteUnit();
  return computed(() => canWriteUnit(toValue(unitId)));
}
