import { computed, readonly, ref, shallowRef } from 'vue';
import * as v from 'valibot';
import { LockoutSchema, type Lockout } from '@shared/schemas/user.ts';
import { ApiRequestError, requestJson, requestVoid } from '../http.ts';
import { t } from '../strings/index.ts';

const LockoutsResponseSchema = v.object({ lockouts: v.array(LockoutSchema) });

/** E-mail addresses locked for sign-in right now, and the administrator's unlock. */
export function useAdminLockouts() {
  const lockouts = shallowRef<Lockout[] | null>(null);
  const error = ref('');

  async function load(): Promise<void> {
    error.value = '';
    try {
      lockouts.value = (await requestJson('GET', '/api/admin/lockouts', LockoutsResponseSchema)).lockouts;
    } catch (failure) {
      error.value = failure instanceof ApiRequestError ? failure.message : t.errors.network;
    }
  }

  async function unlock(userId: string): Promise<void> {
    await requestVoid('POST', `/api/admin/users/${encodeURIComponent(userId)}/unlock`);
    await load();
  }

  return { lockouts: computed(() => lockouts.value), error: readonly(error), load, unlock };
}
