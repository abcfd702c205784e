import { onScopeDispose, readonly, ref } from 'vue';

/** Whether the browser believes it has network, following changes. */
export function useOnline() {
  const online = ref(navigator.onLine);
  const update = () => {
    online.value = navigator.onLine;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onScopeDispose(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return readonly(online);
}
