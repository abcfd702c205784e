import { readonly, ref, shallowRef } from 'vue';
import * as v from 'valibot';
import { AccessibilitySettingsSchema, type AccessibilitySettings } from '@shared/schemas/accessibility.ts';
import { deviceDb } from '../db/deviceDb.ts';
import { requestJson } from '../http.ts';

/** Asks the server for the installation's part of the statement and keeps it on the device for offline use. */
export async function refreshAccessibilitySettings(): Promise<AccessibilitySettings> {
  const answer = await requestJson('GET', '/api/accessibility', AccessibilitySettingsSchema);
  await deviceDb.meta.put({ key: 'accessibility', value: answer });
  return answer;
}

/**
 * Who runs the installation and where to report a problem: the server's word when it answers, else what the
 * device kept from the last time. `failed` says when neither is there (offline before ever asking).
 */
export function useAccessibilitySettings() {
  const settings = shallowRef<AccessibilitySettings | null>(null);
  const failed = ref(false);
  const kept = deviceDb.meta.get('accessibility').then((entry) => {
    // Written by an older version of the app, perhaps: checked like anything else read back.
    const parsed = v.safeParse(AccessibilitySettingsSchema, entry?.value);
    return parsed.success ? parsed.output : null;
  });
  refreshAccessibilitySettings().then(
    (answer) => (settings.value = answer),
    async () => {
      settings.value = await kept.catch(() => null);
      failed.value = settings.value === null;
    },
  );
  return { settings, failed: readonly(failed) };
}
