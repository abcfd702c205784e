import type { Context } from 'hono';
import { readHeads, type Heads } from '../db/heads.ts';
import type { AppEnv } from './appEnv.ts';

/**
 * The database's counters as this request first saw them, read once: the rights check needs the access
 * generation and a pull the change sequence, and both come from the same round trip.
 */
export function requestHeads(c: Context<AppEnv>): Promise<Heads> {
  let heads = c.get('heads');
  if (!heads) {
    heads = readHeads(c.get('db'));
    c.set('heads', heads);
  }
  return heads;
}
