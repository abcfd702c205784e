import { computed, readonly, ref, shallowRef } from 'vue';
import { AuditPageSchema, type AuditEntry } from '@shared/schemas/audit.ts';
import { ApiRequestError, requestJson } from '../http.ts';
import { t } from '../strings/index.ts';

export interface AuditFilters {
  userId: string;
  unitId: string;
  /** `YYYY-MM-DD`, as a date input gives it; empty for no bound. */
  from: string;
  to: string;
}

export const AUDIT_LIMIT = 200;

/** The audit trail as the server filters it, the newest first, a page at a time back to the first entry. */
export function useAuditLog() {
  const entries = shallowRef<AuditEntry[] | null>(null);
  const error = ref('');
  const loading = ref(false);
  /** Where the next, older page starts; null when the last page has been read. */
  const nextBefore = ref<number | null>(null);
  let filters: AuditFilters = { userId: '', unitId: '', from: '', to: '' };
  let latest = 0;

  async function fetchPage(before: number | null): Promise<void> {
    const request = ++latest;
    const query = new URLSearchParams({ limit: String(AUDIT_LIMIT) });
    for (const key of ['userId', 'unitId', 'from', 'to'] as const) if (filters[key]) query.set(key, filters[key]);
    if (before !== null) query.set('before', String(before));
    loading.value = true;
    error.value = '';
    try {
      const page = await requestJson('GET', `/api/admin/audit?${query}`, AuditPageSchema);
      if (request !== latest) return;
      entries.value = before === null ? page.entries : [...(entries.value ?? []), ...page.entries];
      nextBefore.value = page.nextBefore;
    } catch (failure) {
      if (request === latest) error.value = failure instanceof ApiRequestError ? failure.message : t.errors.network;
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  /** Loads the first page for `filters`; an answer to an earlier, slower request is dropped. */
  function load(next: AuditFilters): Promise<void> {
    filters = next;
    return fetchPage(null);
  }

  /** Adds the next, older page to the entries shown. */
  function loadOlder(): Promise<void> {
    return nextBefore.value === null ? Promise.resolve() : fetchPage(nextBefore.value);
  }

  return { entries: computed(() => entries.value), error: readonly(error), loading: readonly(loading), hasOlder: computed(() => nextBefore.value !== null), load, loadOlder };
}
