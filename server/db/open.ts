import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface DatabaseConfig {
  databaseUrl: string | null;
  dataDir: string | null;
  schema?: string | null;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl, config.schema ?? null) : await openPglite(config.dataDir);
  await migrate(db);
  return db;
}
