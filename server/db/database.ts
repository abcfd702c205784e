/**
 * The one small interface every query goes through, so the same SQL runs on embedded PGlite and on a
 * PostgreSQL server.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Takes the lock named `name` for as long as this process holds it, or answers null when another
   * process has it. A process that dies drops it with its connection.
   */
  tryHoldLock(name: string): Promise<HeldLock | null>;
  /**
   * Embedded only: calls `listener` with every NOTIFY on `channel`. PGlite hands a commit's notices over
   * with the commit's own answer, before the committing code resumes, so nothing in this process can see
   * the commit and not yet the notice. (A PostgreSQL server's reach other processes a moment later.)
   */
  listen?(channel: string, listener: (payload: string) => void): Promise<void>;
  readonly kind: 'pglite' | 'postgres';
}

export interface HeldLock {
  /** Whether the lock is still held (its connection alive). */
  held(): Promise<boolean>;
  release(): Promise<void>;
}
