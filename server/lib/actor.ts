import type { Context } from 'hono';
import type { Access } from './access.ts';
import type { AppEnv } from './appEnv.ts';
import { accessOf } from './authorize.ts';
import { clientOf } from './audit.ts';

/** Who makes a write, and from where: what domain code needs of a request, without the request. */
export interface Actor {
  access: Access;
  /** The device a synced change came from; null for a write over plain REST, which builds on nothing queued. */
  deviceId: string | null;
  /** Where the request came from, for the audit trail. */
  client: string;
}

export const actorOf = (c: Context<AppEnv>, deviceId: string | null = null): Actor => ({ access: accessOf(c), deviceId, client: clientOf(c) });
