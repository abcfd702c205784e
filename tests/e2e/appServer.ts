import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface AppServer {
  baseURL: string;
  /** The folder the server serves the client from. */
  clientDir: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A PostgreSQL database of its own, when the suite runs against a PostgreSQL server. */
async function freshDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `malbild_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * The real server as `npm start` runs it (demo data, demo accounts) on a database of its own: an
 * embedded one, or a fresh database on the PostgreSQL server when DATABASE_URL is set. A test file that
 * changes data starts its own, so no other file sees its changes. With `copyClient`, it serves a copy
 * of the build that the test may change under it, as a new deploy would.
 */
export async function startAppServer({ copyClient = false, builtDir = 'dist' } = {}): Promise<AppServer> {
  const root = mkdtempSync(join(tmpdir(), 'malbild-e2e-'));
  const clientDir = copyClient ? join(root, 'client') : builtDir;
  if (copyClient) cpSync(builtDir, clientDir, { recursive: true });
  const database = process.env.DATABASE_URL ? await freshDatabase(process.env.DATABASE_URL) : null;
  const port = await freePort();
  const { DATABASE_URL: _shared, ...env } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(root, 'data'),
      DEMO_DATA: '1',
      CLIENT_DIR: clientDir,
      ...(database ? { DATABASE_URL: database.url } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
    await database?.drop();
  };
  const baseURL = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (server.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with ${server.exitCode}`);
    }
    if (await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() - started > 60_000) {
      await stop();
      throw new Error('the server did not start within 60 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { baseURL, clientDir, stop };
}

/** Replaces a file whole, so a request at the same moment gets the old file or the new one, never half. */
export function replaceFile(path: string, content: string) {
  writeFileSync(`${path}.next`, content);
  renameSync(`${path}.next`, path);
}
