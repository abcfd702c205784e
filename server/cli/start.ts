/**
 * `npm start`: builds the client when its build is missing or older than its sources, then starts the
 * server with the demo data (loaded only into an empty database).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUILT = 'dist/index.html';
const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
if (SOURCES.filter(existsSync).some((source) => newestChange(source) > builtAt)) {
  console.log('Bygger klienten …');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

process.env.DEMO_DATA ??= '1';
// A person at a terminal reads lines, not JSON; a production start (npm run serve) logs JSON.
process.env.LOG_FORMAT ??= 'pretty';
await import('../index.ts');
