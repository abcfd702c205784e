import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshServerDatabase, type ServerDatabase } from '../../tests/fixtures/serverDatabase.ts';

const run = promisify(execFile);
let database: ServerDatabase;
let env: NodeJS.ProcessEnv;

/** An empty installation: a PGlite folder, or a database of its own on the PostgreSQL server. */
beforeAll(async () => {
  database = await freshServerDatabase('cli');
  env = { ...process.env, ...database.env };
});
afterAll(() => database.remove());

const createAdmin = (args: string[], password: string) =>
  run(process.execPath, ['--import', 'tsx', 'server/cli/createAdmin.ts', ...args], { env: { ...env, MALBILD_ADMIN_PASSWORD: password } }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (error: { stderr: string }) => ({ ok: false, output: error.stderr }),
  );

it('creates the first administrator of an empty database, and only the first', async () => {
  const short = await createAdmin(['--email', 'anna@region.se', '--name', 'Anna Andersson', '--organisation', 'Region Test'], 'kort');
  expect(short).toEqual({ ok: false, output: expect.stringContaining('minst 10 tecken') });

  const spaced = await createAdmin(['--email', 'anna@region.se', '--name', 'Anna Andersson', '--organisation', 'Region Test', '--external-id', 'två ord'], 'ett-långt-lösenord');
  expect(spaced).toEqual({ ok: false, output: expect.stringContaining('--external-id: Inloggnings-id får inte innehålla mellanslag') });

  // Her HSA-id, for signing in through the region's identity provider.
  const created = await createAdmin(['--email', 'Anna@Region.se', '--name', 'Anna Andersson', '--organisation', 'Region Test', '--external-id', 'SE2321000016-1234'], 'ett-långt-lösenord');
  expect(created.output).toContain('Administratören anna@region.se är skapad.');

  const second = await createAdmin(['--email', 'bo@region.se', '--name', 'Bo'], 'ett-långt-lösenord');
  expect(second).toEqual({ ok: false, output: expect.stringContaining('Det finns redan en administratör') });

  const db = await database.open();
  try {
    const rows = await db.query<{ email: string; role: string; name: string; external_id: string | null }>(
      `SELECT u.email, g.role, r.data->>'name' AS name, u.external_id FROM users u JOIN grants g ON g.user_id = u.id JOIN records r ON r.id = g.unit_id`,
    );
    expect(rows).toEqual([{ email: 'anna@region.se', role: 'administratör', name: 'Region Test', external_id: 'SE2321000016-1234' }]);
  } finally {
    await db.close();
  }
}, 60_000);
