import { ENTITY_NAMES, type EntityName } from '@shared/schemas/entities.ts';
import { PULL_MAX_LIMIT, type PullResponse } from '@shared/schemas/sync.ts';
import type { MalbildDb } from '../../client/db/database.ts';
import type { FetchPage } from '../../client/sync/pull.ts';

/** Records by kind, then by id. */
export type Snapshot = Record<EntityName, Map<string, Record<string, unknown>>>;

const empty = (): Snapshot => Object.fromEntries(ENTITY_NAMES.map((name) => [name, new Map()])) as Snapshot;

/** What the server lets this person read, as a pull from the beginning returns it (removals left out). */
export async function serverSnapshot(fetchPage: FetchPage): Promise<Snapshot> {
  const snapshot = empty();
  let since = 0;
  for (;;) {
    const page = (await fetchPage(since, PULL_MAX_LIMIT, null, null)) as PullResponse;
    for (const change of page.changes) {
      if (change.deleted || !change.record) snapshot[change.entity].delete(change.id);
      else snapshot[change.entity].set(change.id, change.record);
    }
    since = page.cursor;
    if (!page.hasMore) return snapshot;
  }
}

export async function deviceSnapshot(db: MalbildDb): Promise<Snapshot> {
  const snapshot = empty();
  for (const name of ENTITY_NAMES) {
    for (const record of (await db.table(name).toArray()) as Record<string, unknown>[]) snapshot[name].set(record.id as string, record);
  }
  return snapshot;
}

/** Where two snapshots differ, readably: missing, extra and different records, a few of each per kind. */
export function snapshotDifferences(device: Snapshot, server: Snapshot, limit = 5): string[] {
  const problems: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
  for (const name of ENTITY_NAMES) {
    const missing = [...server[name].keys()].filter((id) => !device[name].has(id));
    const extra = [...device[name].keys()].filter((id) => !server[name].has(id));
    const differing = [...server[name].keys()].filter((id) => device[name].has(id) && !same(device[name].get(id), server[name].get(id)));
    if (missing.length) problems.push(`${name}: ${missing.length} on the server but not on the device, e.g. ${missing.slice(0, limit).join(', ')}`);
    if (extra.length) problems.push(`${name}: ${extra.length} on the device but not on the server, e.g. ${JSON.stringify(extra.slice(0, limit).map((id) => device[name].get(id)))}`);
    for (const id of differing.slice(0, limit)) {
      problems.push(`${name} ${id} differs:\n  device ${JSON.stringify(sortKeys(device[name].get(id)))}\n  server ${JSON.stringify(sortKeys(server[name].get(id)))}`);
    }
    if (differing.length > limit) problems.push(`${name}: ${differing.length - limit} more differ`);
  }
  return problems;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}
