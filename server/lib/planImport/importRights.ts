import type { Access } from '../access.ts';
import { fail } from '../errors.ts';
import type { BuiltPlan } from './buildPlan.ts';
import type { ExistingPlan } from './existingPlan.ts';

/**
 * Whether a person may import this plan: a new organisation is an administrator's to create; every unit
 * the import creates or changes (`written`), and the plan's own unit, must lie under a unit the person
 * plans for (the nearest one that already exists decides, so a controller may add units below their own).
 */
export function assertMayImport(access: Access, built: BuiltPlan, existing: ExistingPlan, written: ReadonlySet<string>): void {
  if (!built.organisation.exists && !access.isAdmin) fail(403, 'forbidden', `Organisationen ${built.organisation.name} finns inte än. Be en administratör lägga upp den, eller ange en befintlig organisations nyckel.`);
  const there = new Set([...existing.unitsByKey.values()].map((u) => u.id));
  const parentOf = new Map(built.records.unit.map((u) => [u.id, u.parentId]));
  const nearestExisting = (id: string | null): string | null => {
    for (let at = id; at; at = parentOf.get(at) ?? null) if (there.has(at)) return at;
    return null;
  };
  const plan = built.records.plan[0]!;
  for (const id of [plan.unitId, ...built.unitIds.filter((unitId) => written.has(unitId))]) {
    const decides = nearestExisting(id);
    if (decides ? !access.canPlan(decides) : !access.isAdmin) fail(403, 'forbidden', 'Du får bara importera planer för enheter där du är controller.');
  }
}
