import { onScopeDispose, ref, watch, type Ref } from 'vue';
import { deviceDb } from '../db/deviceDb.ts';

const SAVE_AFTER_MS = 250;

/**
 * A text field's content, kept in IndexedDB while it is typed (a moment after each keystroke, and at
 * once when the page is hidden), and given back when the field is shown again: after a reload, a crash
 * or an app update. `clear()` forgets it once the text has been saved for real.
 */
export function useDraft(key: string): { text: Ref<string>; clear: () => Promise<void> } {
  const text = ref('');
  let loaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const store = () => {
    clearTimeout(timer);
    if (!loaded) return;
    const value = text.value;
    void (value.trim() ? deviceDb.drafts.put({ key, text: value, updatedAt: new Date().toISOString() }) : deviceDb.drafts.delete(key));
  };
  void deviceDb.drafts.get(key).then((draft) => {
    // Typing that began before the draft was read wins over the draft.
    if (draft && !text.value) text.value = draft.text;
    loaded = true;
  });
  watch(text, () => {
    clearTimeout(timer);
    timer = setTimeout(store, SAVE_AFTER_MS);
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') store();
  };
  document.addEventListener('visibilitychange', onHide);
  onScopeDispose(() => {
    store();
    document.removeEventListener('visibilitychange', onHide);
  });
  return {
    text,
    clear: async () => {
      clearTimeout(timer);
      text.value = '';
      await deviceDb.drafts.delete(key);
    },
  };
}
