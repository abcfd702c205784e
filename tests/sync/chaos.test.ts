import { expect, it } from 'vitest';
import { runChaos } from './chaos.ts';
import { seedFromEnv } from '../../server/demo/prng.ts';

/**
 * Five devices, 2,000 mutations, a network that loses requests and answers, and three server crashes.
 * The seed is printed; `CHAOS_SEED=<seed>` runs the same choices again (the server's interleaving of
 * concurrent requests is up to timing). `CHAOS_MUTATIONS` runs it larger.
 */
const seed = seedFromEnv();
const mutations = Number(process.env.CHAOS_MUTATIONS ?? 2000);

it(`keeps every promise of the sync protocol under chaos (seed ${seed})`, async () => {
  console.info(`chaos seed ${seed} (replay with CHAOS_SEED=${seed})`);
  const report = await runChaos({ seed, mutations, log: (line) => console.info(line) });
  const { problems, ...numbers } = report;
  console.info(JSON.stringify(numbers));
  expect(problems, `seed ${seed}`).toEqual([]);
  expect(report.mutations).toBe(mutations);
  expect(report.restarts).toBe(3);
  expect(report.results.conflict, 'the run made conflicts to keep').toBeGreaterThan(0);
  expect(Object.values(report.faults).every((n) => n > 0), 'every kind of fault happened').toBe(true);
}, 180_000);
