import type { OrgUnit } from '@shared/schemas/unit.ts';
import { deviceDb } from '../db/deviceDb.ts';
import { useLiveQuery } from './useLiveQuery.ts';

export interface UnitTreeEntry {
  unit: OrgUnit;
  /** 0 at a root. */
  depth: number;
  children: UnitTreeEntry[];
}

export interface UnitTree {
  roots: UnitTreeEntry[];
  /** Every unit in reading order (each followed by its sub-units), for pickers. */
  flat: UnitTreeEntry[];
  byId: ReadonlyMap<string, OrgUnit>;
}

const byName = (a: UnitTreeEntry, b: UnitTreeEntry) => a.unit.name.localeCompare(b.unit.name, 'sv');

/** The organisation as a tree. A unit whose parent is not on the device is shown as a root. */
export function buildUnitTree(units: readonly OrgUnit[]): UnitTree {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const entries = new Map(units.map((unit) => [unit.id, { unit, depth: 0, children: [] as UnitTreeEntry[] }]));
  const roots: UnitTreeEntry[] = [];
  for (const entry of entries.values()) {
    const parent = entry.unit.parentId ? entries.get(entry.unit.parentId) : undefined;
    if (parent) parent.children.push(entry);
    else roots.push(entry);
  }
  const flat: UnitTreeEntry[] = [];
  const visit = (entry: UnitTreeEntry, depth: number, path: Set<string>) => {
    // A cycle in bad data must not hang the screen.
    if (path.has(entry.unit.id)) return;
    entry.depth = depth;
    flat.push(entry);
    entry.children.sort(byName);
    const below = new Set(path).add(entry.unit.id);
    for (const child of entry.children) visit(child, depth + 1, below);
  };
  for (const root of roots.sort(byName)) visit(root, 0, new Set());
  return { roots, flat, byId };
}

/** The unit tree on this device, following every sync. */
export function useUnitTree() {
  return useLiveQuery(async () => buildUnitTree(await deviceDb.unit.toArray()));
}
