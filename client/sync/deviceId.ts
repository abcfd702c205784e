import type { MalbildDb } from '../db/database.ts';

/** This device's id, made once and kept: the server records which device each change came from. */
export async function deviceIdOf(db: MalbildDb): Promise<string> {
  const entry = await db.meta.get('deviceId');
  if (typeof entry?.value === 'string') return entry.value;
  const id = crypto.randomUUID();
  await db.meta.put({ key: 'deviceId', value: id });
  return id;
}
