import { onScopeDispose, readonly, ref, type Ref } from 'vue';

/** The time now, moving on every `intervalMs`: for "how old is this" that should change while the screen stays open. */
export function useNow(intervalMs = 60_000): Readonly<Ref<number>> {
  const now = ref(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return readonly(now);
}
