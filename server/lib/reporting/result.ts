/**
 * How a reporting write ended. A conflict is not an error: the write was kept (in the history, and on the
 * record as a conflict to settle) but did not replace the value that stands.
 */
export type WriteOutcome<T> = { kind: 'applied'; record: T } | { kind: 'conflict'; record: T; message: string };

export interface Writer {
  mutationId: string;
  writtenAt: string | null;
}
