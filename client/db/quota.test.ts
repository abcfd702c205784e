import { describe, expect, it } from 'vitest';
import { isQuotaError } from './quota.ts';

describe('isQuotaError', () => {
  it('finds a quota error directly or wrapped by Dexie, and nothing else', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
