import 'fake-indexeddb/auto';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '@shared/schemas/activity.ts';
import type { Me } from '@shared/schemas/user.ts';
import { recordChange } from '../../client/sync/outbox.ts';
import { pull } from '../../client/sync/pull.ts';
import { pushOutbox } from '../../client/sync/push.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import { activityUpdate } from '../fixtures/inProcessDevice.ts';
import { postgresServer, type PostgresServer } from '../fixtures/postgresServer.ts';
import { freshServerDatabase, type ServerDatabase } from '../fixtures/serverDatabase.ts';
import { CHAOS_PASSWORD, seedChaosData } from '../sync/chaosPlan.ts';
import { ChildServer } from '../sync/childServer.ts';
import { cookieTransport, httpDevice, signIn, type HttpDevice } from '../sync/httpDevice.ts';
import { deviceSnapshot, serverSnapshot, snapshotDifferences } from '../sync/snapshot.ts';

/**
 * Backups as docs/drift.md tells a region's IT to take and restore them: pg_dump and pg_restore into a
 * fresh PostgreSQL database, or a copy of a stopped server's PGlite folder; then `db:restored` and a
 * start. A device whose copy is newer than the backup, and which has changes it has not sent, must
 * notice, load the restored state afresh and send its changes — even when others' writes have taken the
 * restored change sequence past its cursor, where the cursor alone would look valid.
 */
let postgres: PostgresServer;
const folders: string[] = [];
beforeAll(async () => {
  postgres = await postgresServer();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'malbild-backup-'));
  folders.push(folder);
  return folder;
};

async function deviceOf(server: ChildServer, email: string): Promise<HttpDevice & { me: Me; follow: (next: ChildServer) => void }> {
  let base = server.baseURL;
  const transport = cookieTransport(() => base, await signIn(base, email, CHAOS_PASSWORD));
  const device = await httpDevice(email, transport);
  const me = ((await (await transport('/api/auth/me', {})).json()) as { user: Me }).user;
  // Follows the server to wherever it runs after the restore.
  return Object.assign(device, { me, follow: (next: ChildServer) => (base = next.baseURL) });
}

const ownActivity = async (device: HttpDevice & { me: Me }) =>
  (await device.db.activity.filter((a) => device.me.writableUnitIds.includes(a.unitId)).first()) as Activity;

const restoreCommand = (database: ServerDatabase) => {
  const { DATABASE_URL: _shared, ...env } = process.env;
  execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/restored.ts'], { env: { ...env, ...database.env }, stdio: 'pipe' });
};

interface Strategy {
  database: () => Promise<ServerDatabase>;
  /** Takes the backup of `database`; the server is running (pg_dump) or stopped for it (a folder copy). */
  backup(database: ServerDatabase, server: ChildServer): Promise<string>;
  /** A fresh database holding the backup. */
  restore(backup: string): Promise<ServerDatabase>;
}

const POSTGRES: Strategy = {
  database: () => freshServerDatabase('backup', { databaseUrl: postgres.url }),
  async backup(database) {
    const file = join(scratch(), 'malbild.dump');
    execFileSync('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${database.env.DATABASE_URL}`]);
    return file;
  },
  async restore(file) {
    const restored = await freshServerDatabase('restored', { databaseUrl: postgres.url });
    const run = spawnSync('pg_restore', ['--no-owner', `--dbname=${restored.env.DATABASE_URL}`, file], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return restored;
  },
};

const PGLITE_FOLDER: Strategy = {
  database: () => freshServerDatabase('backup', { databaseUrl: null }),
  async backup(database, server) {
    await server.stop();
    const copy = join(scratch(), 'data');
    cpSync(database.env.DATA_DIR!, copy, { recursive: true });
    await server.start();
    return copy;
  },
  async restore(copy) {
    const restored = await freshServerDatabase('restored', { databaseUrl: null });
    cpSync(copy, restored.env.DATA_DIR!, { recursive: true });
    return restored;
  },
};

describe.each([
  ['PostgreSQL, pg_dump and pg_restore', POSTGRES],
  ['PGlite, a copy of the data folder', PGLITE_FOLDER],
])('a backup restored (%s)', (_name, strategy) => {
  it('brings every device back in step: a copy newer than the backup is loaded afresh and its unsent changes arrive', async () => {
    const database = await strategy.database();
    const seeding = await database.open();
    await seedChaosData(seeding);
    await seeding.close();
    let server = await ChildServer.start(database);
    let restored: ServerDatabase | null = null;
    try {
      const bo = await deviceOf(server, 'bo@kaos.example');
      const petra = await deviceOf(server, 'petra@kaos.example');
      await pull(bo.db, bo.fetchPage);
      const backup = await strategy.backup(database, server);

      // After the backup: Bo's change reaches the server and his copy (lost with the restore), then one made offline.
      const activity = await ownActivity(bo);
      await recordChange(bo.db, activityUpdate(activity.id, activity.version, 'Försenad', 'Levererad efter säkerhetskopian.'), bo.author);
      expect((await pushOutbox(bo.db, bo.send)).sent).toBe(1);
      await pull(bo.db, bo.fetchPage);
      const cursorAfter = Number((await bo.db.meta.get('cursor'))!.value);
      const offline = activityUpdate(activity.id, (await bo.db.activity.get(activity.id))!.version, 'Klar', 'Skriven utan nät, inte skickad.');
      await recordChange(bo.db, offline, bo.author);
      await server.stop();

      restored = await strategy.restore(backup);
      restoreCommand(restored);
      server = await ChildServer.start(restored);
      bo.follow(server);
      petra.follow(server);

      // Petra writes on the restored server until its sequence passes Bo's cursor.
      await pull(petra.db, petra.fetchPage);
      const petras = await petra.db.activity.filter((a) => petra.me.writableUnitIds.includes(a.unitId) && a.id !== activity.id).toArray();
      for (let n = 0; Number((await petra.db.meta.get('cursor'))!.value) <= cursorAfter; n++) {
        const target = petras[n % petras.length]!;
        await recordChange(petra.db, activityUpdate(target.id, (await petra.db.activity.get(target.id))!.version, null, `Efter återställningen ${n}.`), petra.author);
        await pushOutbox(petra.db, petra.send);
        await pull(petra.db, petra.fetchPage);
      }

      expect((await pushOutbox(bo.db, bo.send)).sent, 'the unsent change is sent').toBe(1);
      await pull(bo.db, bo.fetchPage);
      expect(snapshotDifferences(await deviceSnapshot(bo.db), await serverSnapshot(bo.fetchPage)), 'Bo’s device shows exactly what the restored server holds').toEqual([]);
      const onServer = (await bo.db.activity.get(activity.id))!;
      // Its base version is one the restored server never had: the status waits as a conflict to settle, never dropped.
      expect(onServer.conflicts?.map((c) => [c.mutationId, c.status])).toEqual([[offline.id, 'Klar']]);
      const history = await bo.db.activityUpdate.filter((u) => u.activityId === activity.id).toArray();
      expect(history.map((u) => u.text)).toContain('Skriven utan nät, inte skickad.');
      expect(history.map((u) => u.text), 'what was delivered after the backup is gone with the restore').not.toContain('Levererad efter säkerhetskopian.');
      expect(await bo.db.outbox.where('state').equals('pending').count()).toBe(0);
    } finally {
      await server.kill();
      await database.remove();
      await restored?.remove();
    }
  }, 120_000);
});

describe('an upgrade', () => {
  it('applies this release’s new migrations to a database the previous release made, keeping its data', async () => {
    const database = await freshServerDatabase('upgrade', { databaseUrl: process.env.DATABASE_URL ? postgres.url : null });
    try {
      // The schema as the release before the sign-in limits moved into the database left it.
      const previous = database.kind === 'postgres' ? await openPostgres(database.env.DATABASE_URL!) : await openPglite(database.env.DATA_DIR!);
      await migrate(previous, { through: '009_kolada_runs.sql' });
      await seedChaosData(previous);
      await previous.close();
      const newer = readdirSync('server/db/migrations').filter((name) => name > '009_kolada_runs.sql');
      expect(newer.length).toBeGreaterThan(0);

      const server = await ChildServer.start(database);
      try {
        expect(await (await fetch(`${server.baseURL}/api/ready`)).json()).toMatchObject({ status: 'ready' });
        const bo = await deviceOf(server, 'bo@kaos.example');
        await pull(bo.db, bo.fetchPage);
        expect(await bo.db.activity.count(), 'the plan is still there').toBeGreaterThan(0);
      } finally {
        await server.stop();
      }
      const upgraded = await database.open();
      const applied = (await upgraded.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name);
      await upgraded.close();
      expect(applied).toEqual(expect.arrayContaining(newer));
    } finally {
      await database.remove();
    }
  }, 120_000);
});
