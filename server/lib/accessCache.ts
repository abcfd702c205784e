import type { Access } from './access.ts';

/** A bound on how long rights are kept even while nothing moves the generation (a clock, not a promise). */
const KEEP_MS = 30_000;
/** Enough for every device of a large region at once; past it the oldest entries go first. */
export const MAX_ENTRIES = 20_000;

interface Entry {
  generation: number;
  access: Access;
  /** Until when the entry may answer: the earliest of KEEP_MS, the session's expiry and its next slide. */
  until: number;
}

/**
 * The rights of recently seen sessions, so that the request every installed device sends every minute
 * ("anything new?") costs one small query instead of four. An entry answers only while the database's
 * access generation (migration 012) is the one it was read under: any change to sessions, accounts, grants
 * or units, on any process, moves it, and every entry of every process is then read afresh.
 */
export class AccessCache {
  private readonly entries = new Map<string, Entry>();

  get(tokenHash: string, generation: number, now = Date.now()): Access | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.generation !== generation || entry.until <= now) {
      this.entries.delete(tokenHash);
      return null;
    }
    return entry.access;
  }

  /** `generation` must be the one read before the rights were: a change in between then moves it past. */
  set(tokenHash: string, generation: number, access: Access, validUntil: number, now = Date.now()): void {
    const until = Math.min(now + KEEP_MS, validUntil);
    if (until <= now) return;
    this.entries.delete(tokenHash);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { generation, access, until });
  }
}
