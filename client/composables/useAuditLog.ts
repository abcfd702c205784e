import { computed, readonly, ref, shallowRef } from 'vue';
import * as v from 'valibot';
import { AuditEntrySchema, type AuditEntry } from '@shared/schemas/audit.ts';
import { ApiRequestError, requestJson } from '../http.ts';
import { t } from '../strings/index.ts';

const AuditResponseSchema = v.object({ entries: v.array(AuditEntrySchema) });

export interface AuditFilters {
  userId: string;
  unitId: string;
  /** `YYYY-MM-DD`, as a date input gives it; empty for no bound. */
  from: string;
  to: string;
}

export const AUDIT_LIMIT = 200;

/** The audit trail as the server filters it; the newest first. */
export function useAuditLog() {
  const entries = shallowRef<AuditEntry[] | null>(null);
  const error = ref('');
  const loading = ref(false);
  let latest = 0;

  /** Loads the entries for `filters`; an answer to an earlier, slower request is dropped. */
  async function load(filters: AuditFilters): Promise<void> {
    const request = ++latest;
    const query = new URLSearchParams({ limit: String(AUDIT_LIMIT) });
    for (const key of ['userId', 'unitId', 'from', 'to'] as const) if (filters[key]) query.set(key, filters[key]);
    loading.value = true;
    error.value = '';
    try {
      const answer = (await requestJson('GET', `/api/admin/audit?${query}`, AuditResponseSchema)).entries;
      if (request === latest) entries.value = answer;
    } catch (failure) {
      if (request === latest) error.value = failure instanceof ApiRequestError ? failure.message : t.errors.network;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  return { entries: computed(() => entries.value), error: readonly(error), loading: readonly(loading), load };
}
