import type { Access } from './access.ts';

/** What the cache may hold in all, in characters of JSON: a few first-sync pages or many deltas. */
export const MAX_CHARS = 32 * 1024 * 1024;
/** A larger answer is not kept: it would push out many that are asked for more often. */
export const MAX_ENTRY_CHARS = 4 * 1024 * 1024;

const rightsKeys = new WeakMap<Access, string>();

/** Everything a pull's answer depends on besides the request: what the person may read, and their scope. */
export function rightsKey(access: Access): string {
  let key = rightsKeys.get(access);
  if (key === undefined) {
    const units = (ids: ReadonlySet<string>) => [...ids].sort().join(',');
    key = `${access.user.scopeVersion}:${access.isAdmin ? '*' : `${units(access.readableUnitIds)}|${units(access.minutesReadableUnitIds)}`}`;
    rightsKeys.set(access, key);
  }
  return key;
}

/**
 * Recent pull answers, so that devices with the same rights asking for the same changes (the committee's
 * tablets opening together at a meeting, each catching up on the same morning's reporting) cost one query.
 * An answer is kept under the change sequence's head it was read at, and the head is part of its key:
 * anything committed since moves the head, and the answers of older heads are dropped at once. Rights are
 * part of the key too (a revoked right gives a new access, read afresh, with a new key).
 */
export class PullCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;
  private head = -1;

  get(key: string, head: number): string | undefined {
    if (head !== this.head) return undefined;
    const answer = this.entries.get(key);
    if (answer !== undefined) {
      // Used again: to the back of the line, so the least recently used goes first.
      this.entries.delete(key);
      this.entries.set(key, answer);
    }
    return answer;
  }

  /** `head` must be the one read before the answer was: an answer read under an older one is not kept. */
  set(key: string, head: number, answer: string): void {
    if (head < this.head || answer.length > MAX_ENTRY_CHARS) return;
    if (head > this.head) {
      this.entries.clear();
      this.chars = 0;
      this.head = head;
    }
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.entries.delete(key);
      this.chars -= previous.length;
    }
    while (this.chars + answer.length > MAX_CHARS) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.entries.delete(oldestKey);
      this.chars -= oldest.length;
    }
    this.entries.set(key, answer);
    this.chars += answer.length;
  }

  /** How much it holds, for the tests. */
  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }
}
