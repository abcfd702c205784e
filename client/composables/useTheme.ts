import { ref, watchEffect } from 'vue';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'malbild.theme';

/** The person's colour theme: the system's by default, or a choice kept on this device. */
export function useTheme() {
  const stored = localStorage.getItem(STORAGE_KEY);
  const choice = ref<ThemeChoice>(stored === 'light' || stored === 'dark' ? stored : 'system');
  watchEffect(() => {
    if (choice.value === 'system') {
      localStorage.removeItem(STORAGE_KEY);
      delete document.documentElement.dataset.theme;
    } else {
      localStorage.setItem(STORAGE_KEY, choice.value);
      document.documentElement.dataset.theme = choice.value;
    }
  });
  return { choice };
}
