import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedFromEnv } from '../../server/demo/prng.ts';
import { postgresServer, type PostgresServer } from '../fixtures/postgresServer.ts';
import { runChaos } from './chaos.ts';

/**
 * Two server processes on one PostgreSQL, as behind the region's load-balancing proxy: every request
 * of every device goes to either, sessions made on one are used on both, writers on both share the one
 * change sequence, and each crash takes one of them down while the other serves. Every promise of the
 * sync protocol the single-server chaos run checks is checked here too.
 */
let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await postgresServer();
}, 60_000);
afterAll(() => postgres?.stop());

const seed = seedFromEnv();

it(`keeps every promise of the sync protocol with two server processes on one PostgreSQL (seed ${seed})`, async () => {
  const report = await runChaos({ seed, mutations: 600, restarts: 2, servers: 2, databaseUrl: postgres.url });
  const { problems, ...numbers } = report;
  console.info(JSON.stringify(numbers));
  expect(problems, `seed ${seed}`).toEqual([]);
  expect(report).toMatchObject({ database: 'postgres', servers: 2, mutations: 600, restarts: 2 });
  expect(report.results.applied, 'writers on both processes').toBeGreaterThan(300);
  expect(report.results.conflict, 'the run made conflicts to keep').toBeGreaterThan(0);
}, 180_000);
