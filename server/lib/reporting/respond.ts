import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Mutation } from '@shared/schemas/mutation.ts';
import type { AppEnv } from '../appEnv.ts';
import { accessOf } from '../authorize.ts';
import { runMutation } from './applyMutation.ts';

/**
 * A reporting write over plain REST, for online screens and scripts: the same mutation a device would
 * push, answered in HTTP terms: the record under `key` when applied, 409 with the record on a conflict
 * (the write is kept for someone to settle), the refusal's own status otherwise.
 */
export async function respondToMutation<K extends string>(
  c: Context<AppEnv>,
  key: K,
  mutation: Omit<Mutation, 'id' | 'createdAt'> & { id?: string | undefined },
  appliedStatus: 200 | 201,
) {
  const full = { ...mutation, id: mutation.id ?? randomUUID(), createdAt: new Date().toISOString() } as Mutation;
  const run = await runMutation(c.var.db, c, accessOf(c), null, full);
  const { result } = run;
  if (result.status === 'applied') return c.json({ [key]: run.record } as Record<K, unknown>, appliedStatus);
  if (result.status === 'conflict') return c.json({ error: { code: 'conflict', message: result.message }, [key]: run.record }, 409);
  return c.json({ error: { code: 'rejected', message: result.message } }, (run.status ?? 409) as ContentfulStatusCode);
}
