import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startAppServer } from './appServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/**
 * Builds the client and starts the real server (as `npm start` does, with the demo data) on a database of
 * its own, shared by the test files that only read; a file that changes data starts a server of its own.
 */
export default async function setup(project: TestProject) {
  // A production build, as shipped: vitest sets NODE_ENV=test, which would make Vite build for development
  // (Vue's dev checks, source paths in the bundle, and no service worker registration).
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed');

  const server = await startAppServer();
  project.provide('baseURL', server.baseURL);

  return () => server.stop();
}
