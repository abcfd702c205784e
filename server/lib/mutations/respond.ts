import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { Mutation } from '@shared/schemas/mutation.ts';
import { actorOf } from '../actor.ts';
import type { AppEnv } from '../appEnv.ts';
import { runMutation } from './runMutation.ts';

type RestMutation = { [N in Mutation['name']]: Omit<Extract<Mutation, { name: N }>, 'id' | 'createdAt'> & { id?: string | undefined } }[Mutation['name']];

/**
 * A change over plain REST, for online screens and scripts: the same mutation a device would push,
 * answered in HTTP terms: the record under `key` when applied, 409 with the record on a conflict (the
 * change is kept for someone to settle), the refusal's own status otherwise.
 */
export async function respondToMutation<K extends string>(c: Context<AppEnv>, key: K, mutation: RestMutation, appliedStatus: 200 | 201) {
  const full = { ...mutation, id: mutation.id ?? randomUUID(), createdAt: new Date().toISOString() } as Mutation;
  const run = await runMutation(c.var.db, actorOf(c), full);
  const { result } = run;
  if (result.status === 'applied') return c.json({ [key]: run.record } as Record<K, unknown>, appliedStatus);
  if (result.status === 'conflict') return c.json({ error: { code: 'conflict', message: result.message }, [key]: run.record }, 409);
  return c.json({ error: { code: 'rejected', message: result.message } }, run.status ?? 409);
}
