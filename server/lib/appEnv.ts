import type { Database } from '../db/database.ts';

/** What every request handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    db: Database;
  };
}
