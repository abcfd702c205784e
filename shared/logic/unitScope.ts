import type { OrgUnit } from '../schemas/unit.ts';

/** A unit and every unit below it: what a filter on the unit shows (a region shows all its administrations). */
export function unitAndBelow(units: readonly Pick<OrgUnit, 'id' | 'parentId'>[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const found = new Set<string>();
  const queue = [rootId];
  // The set doubles as the visited list, so a cycle in bad data ends the walk.
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (found.has(id)) continue;
    found.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  return found;
}
