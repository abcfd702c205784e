/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence of choices, so a run that
 * failed can be run again with the seed it printed.
 */
export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An independent stream for one participant, so adding choices elsewhere does not shift its sequence. */
  fork(label: string): Random;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    fork: (label) => {
      let hash = seed ^ 0x9e3779b9;
      for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
      return seededRandom(hash >>> 0);
    },
  };
  return random;
}

/** The seed from `CHAOS_SEED` (to replay a failure), or a fresh one. */
export function seedFromEnv(name = 'CHAOS_SEED'): number {
  const given = process.env[name];
  if (given && /^\d+$/.test(given)) return Number(given);
  return Math.floor(Math.random() * 2 ** 31);
}
