import { describe, expect, it } from 'vitest';
import { retryDelay } from './backoff.ts';

describe('retry delay', () => {
  it('doubles from 2 s, caps at 5 minutes, and spreads each wait by ±50 %', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, () => 0.5))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelay(30, () => 0.5)).toBe(300_000);
    expect(retryDelay(1, () => 0)).toBe(1_000);
    expect(retryDelay(1, () => 0.999)).toBe(2_998);
  });
});
