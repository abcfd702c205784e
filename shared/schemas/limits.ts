/**
 * How much the server stores of what a device sends. Each bound keeps one record small enough that every
 * device can pull it without noticing, while staying well above anything the seeds or a real plan use.
 */
export const TEXT_LIMITS = {
  /** A name or title: the longest activity title in the 2025–2027 plan is about 180 characters. */
  name: 500,
  /** A code, a timeline ("2025–2027", "Q4 2024"), a target as written ("<4 %"), a part's name. */
  short: 120,
  /** A comment or an analysis: the longest in Delårsrapport 1 2024 is about 1,900 characters. */
  text: 10_000,
} as const;

export const LIST_LIMITS = {
  /** Parts of a status split by part: the delårsrapport splits one activity in two. */
  statusParts: 20,
  /**
   * Conflicts a record may hold before someone must choose, and so conflicts one choice settles: a busy
   * activity collects a few between two syncs; at 100 an activity stays about 30 kB at most.
   */
  conflicts: 100,
  /** People at a dialogue meeting: a presidium and its administration's management are a dozen. */
  participants: 50,
  /** Goals, indicators and activities one note points at. */
  noteLinks: 30,
} as const;
