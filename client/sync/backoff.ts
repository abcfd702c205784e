/**
 * How long to wait before trying the server again after the `failures`-th failure in a row: doubling
 * from 2 s up to 5 minutes, each wait spread by ±50 % so that many devices coming back at once (after a
 * server restart) do not all knock at the same moment.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(2_000 * 2 ** Math.max(0, failures - 1), 5 * 60_000);
  return Math.round(base * (0.5 + random()));
}
