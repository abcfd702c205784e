import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotli, gzip } from '../../build/compression.ts';
import { freePort, freshServerDatabase } from '../fixtures/serverDatabase.ts';

export interface AppServer {
  baseURL: string;
  /** The folder the server serves the client from. */
  clientDir: string;
  stop: () => Promise<void>;
}

/**
 * The real server as `npm start` runs it (demo data, demo accounts) on a database of its own: an
 * embedded one, or a fresh database on the PostgreSQL server when DATABASE_URL is set. A test file that
 * changes data starts its own, so no other file sees its changes. With `copyClient`, it serves a copy
 * of the build that the test may change under it, as a new deploy would; `env` adds to its environment;
 * `port` is for a test that must know the address before the server starts (an identity provider's callback).
 */
export async function startAppServer({ copyClient = false, builtDir = 'dist', env: extra = {} as Record<string, string>, port: chosenPort = 0 } = {}): Promise<AppServer> {
  const root = mkdtempSync(join(tmpdir(), 'malbild-e2e-'));
  const clientDir = copyClient ? join(root, 'client') : builtDir;
  if (copyClient) cpSync(builtDir, clientDir, { recursive: true });
  const database = await freshServerDatabase('e2e');
  const port = chosenPort || (await freePort());
  const { DATABASE_URL: _shared, ...env } = process.env;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: '1',
      CLIENT_DIR: clientDir,
      ...database.env,
      ...extra,
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
    await database.remove();
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

/**
 * Replaces a file whole, so a request at the same moment gets the old file or the new one, never half; and its
 * brotli and gzip copies as the build writes them, which the server sends in its place to a browser that takes them.
 */
export function replaceFile(path: string, content: string) {
  const data = Buffer.from(content);
  for (const [file, bytes] of [[`${path}.br`, brotli(data)], [`${path}.gz`, gzip(data)], [path, data]] as const) {
    writeFileSync(`${file}.next`, bytes);
    renameSync(`${file}.next`, file);
  }
}
