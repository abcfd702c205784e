import { computed, toValue, type ComputedRef, type MaybeRefOrGetter } from 'vue';
import { useSessionStore } from '../stores/session.ts';

/**
 * Whether the signed-in person may change records of a unit (a rapportör's or administratör's grant
 * reaches it). Edit controls are shown only where this is true; the server checks again on every write.
 */
export function useCanWrite(unitId: MaybeRefOrGetter<string | null | undefined>): ComputedRef<boolean> {
  const session = useSessionStore();
  return computed(() => {
    const id = toValue(unitId);
    return !!id && !!session.me?.writableUnitIds.includes(id);
  });
}
