import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
// Any constant works; it only has to be the same for every process migrating the same database.
const MIGRATION_LOCK = 724_611;

const migrationFiles = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort();

/**
 * Applies the numbered SQL files in migrations/ that this database has not seen, in one transaction.
 * `through` stops after that file: the schema an earlier release left, which the upgrade test starts from.
 */
export async function migrate(db: Database, { through = null }: { through?: string | null } = {}): Promise<string[]> {
  const files = migrationFiles().filter((name) => through === null || name <= through);
  return db.transaction(async (tx) => {
    // Several servers (or test files) may start against one PostgreSQL at once.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const applied: string[] = [];
    for (const name of files.filter((file) => !done.has(file))) {
      for (const statement of splitStatements(readFileSync(MIGRATIONS_DIR + name, 'utf8'))) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      applied.push(name);
    }
    return applied;
  });
}

/** The migrations this release has that the database has not applied (all of them on an empty database). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const [{ present } = { present: false }] = await db.query<{ present: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`);
  const done = present ? new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name)) : new Set<string>();
  return migrationFiles().filter((file) => !done.has(file));
}

/** Our migrations hold no functions or quoted semicolons, so splitting on `;` at line end is enough. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
