/**
 * How a reporting write ended. A conflict is not an error: the write was kept (in the history, and on the
 * record as a conflict to settle) but did not replace the value that stands. `changed` says whether the
 * write gave the record a new version (writing what already stands does not).
 */
export type WriteOutcome<T> = { kind: 'applied'; record: T; changed: boolean } | { kind: 'conflict'; record: T; changed: boolean; message: string };

/** Who makes a write, from where. */
export interface Writer {
  mutationId: string;
  userId: string;
  /** The device the mutation came from; null for a write over plain REST, which builds on nothing queued. */
  deviceId: string | null;
  writtenAt: string | null;
}
