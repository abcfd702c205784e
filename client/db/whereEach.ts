import type { IndexableType, Table } from 'dexie';

/**
 * The rows of `table` whose `index` holds any of `keys`: the same as `where(index).anyOf(keys)`, read
 * as one `getAll` per key side by side. `anyOf` walks a single cursor, a round trip into IndexedDB per
 * row, which for a plan's outcomes (tens of thousands of rows) was most of the committee overview's
 * reading time. Rows come grouped by key, in the order of `keys`.
 */
export async function whereEach<T, TKey, TInsert>(table: Table<T, TKey, TInsert>, index: string, keys: readonly IndexableType[]): Promise<T[]> {
  const groups = await Promise.all([...new Set(keys)].map((key) => table.where(index).equals(key).toArray()));
  return groups.flat();
}
