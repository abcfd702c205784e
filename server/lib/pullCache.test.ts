import { describe, expect, it } from 'vitest';
import type { Access } from './access.ts';
import { MAX_CHARS, MAX_ENTRY_CHARS, PullCache, rightsKey } from './pullCache.ts';

const access = (readable: string[], options: { admin?: boolean; scope?: number; minutes?: string[] } = {}) =>
  ({ isAdmin: options.admin ?? false, readableUnitIds: new Set(readable), minutesReadableUnitIds: new Set(options.minutes ?? readable), user: { scopeVersion: options.scope ?? 1 } }) as unknown as Access;

describe('PullCache', () => {
  it('answers what was kept under the same head, and nothing once the head moved', () => {
    const cache = new PullCache();
    cache.set('a', 10, '{"x":1}');
    expect(cache.get('a', 10)).toBe('{"x":1}');
    expect(cache.get('b', 10)).toBeUndefined();
    expect(cache.get('a', 11)).toBeUndefined();
    cache.set('b', 11, '{"x":2}');
    expect(cache.get('a', 10), 'an older head is gone with the new one').toBeUndefined();
    expect(cache.size.entries).toBe(1);
  });

  it('does not keep an answer read under an older head than it has seen, nor one too large', () => {
    const cache = new PullCache();
    cache.set('new', 20, 'n');
    cache.set('old', 19, 'o');
    expect(cache.get('old', 19)).toBeUndefined();
    cache.set('huge', 20, 'x'.repeat(MAX_ENTRY_CHARS + 1));
    expect(cache.get('huge', 20)).toBeUndefined();
    expect(cache.size).toEqual({ entries: 1, chars: 1 });
  });

  it('stays within its size, letting the least recently used go first', () => {
    const cache = new PullCache();
    const big = 'x'.repeat(MAX_ENTRY_CHARS);
    const fits = MAX_CHARS / MAX_ENTRY_CHARS;
    for (let i = 0; i < fits; i++) cache.set(`k${i}`, 1, big);
    expect(cache.get('k0', 1)).toBe(big);
    cache.set('one more', 1, big);
    expect(cache.size.chars).toBeLessThanOrEqual(MAX_CHARS);
    expect(cache.get('k0', 1), 'used again, so kept').toBe(big);
    expect(cache.get('k1', 1), 'the least recently used went').toBeUndefined();
    expect(cache.get('one more', 1)).toBe(big);
  });
});

describe('rightsKey', () => {
  it('is the same for the same rights in any order, and differs with units, minutes, scope or administration', () => {
    expect(rightsKey(access(['u1', 'u2']))).toBe(rightsKey(access(['u2', 'u1'])));
    const keys = [access(['u1', 'u2']), access(['u1']), access(['u1', 'u2'], { minutes: ['u1'] }), access(['u1', 'u2'], { scope: 2 }), access(['u1', 'u2'], { admin: true })].map(rightsKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
