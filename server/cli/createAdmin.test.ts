import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../db/open.ts';

const run = promisify(execFile);
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

/** An empty installation: a PGlite folder, or a database of its own on the PostgreSQL server. */
beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'malbild-cli-'));
    env = { ...process.env, DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
    return;
  }
  const name = `malbild_cli_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  env = { ...process.env, DATABASE_URL: target.toString() };
  cleanup = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
});
afterAll(() => cleanup());

const createAdmin = (args: string[], password: string) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli/createAdmin.ts', ...args], { env: { ...env, MALBILD_ADMIN_PASSWORD: password } }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (error: { stderr: string }) => ({ ok: false, output: error.stderr }),
  );

it('creates the first administrator of an empty database, and only the first', async () => {
  const short = await createAdmin(['--email', 'anna@region.se', '--name', 'Anna Andersson', '--organisation', 'Region Test'], 'kort');
  expect(short).toEqual({ ok: false, output: expect.stringContaining('minst 10 tecken') });

  const created = await createAdmin(['--email', 'Anna@Region.se', '--name', 'Anna Andersson', '--organisation', 'Region Test'], 'ett-långt-lösenord');
  expect(created.output).toContain('Administratören anna@region.se är skapad.');

  const second = await createAdmin(['--email', 'bo@region.se', '--name', 'Bo'], 'ett-långt-lösenord');
  expect(second).toEqual({ ok: false, output: expect.stringContaining('Det finns redan en administratör') });

  const db = await openDatabase({ databaseUrl: env.DATABASE_URL ?? null, dataDir: env.DATA_DIR ?? null });
  try {
    const rows = await db.query<{ email: string; role: string; name: string }>(
      `SELECT u.email, g.role, r.data->>'name' AS name FROM users u JOIN grants g ON g.user_id = u.id JOIN records r ON r.id = g.unit_id`,
    );
    expect(rows).toEqual([{ email: 'anna@region.se', role: 'administratör', name: 'Region Test' }]);
  } finally {
    await db.close();
  }
}, 60_000);
