import type { Grant } from '@shared/schemas/user.ts';
import type { Queryable } from '../db/database.ts';
import { fail } from './errors.ts';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  grants: Grant[];
  scopeVersion: number;
}

interface UnitLink {
  id: string;
  parentId: string | null;
}

/**
 * What one signed-in person may read and write, worked out once per request from their grants and the
 * unit tree. A grant reaches its unit and (by default) every unit below it. Reading also reaches the
 * units above, so a unit manager sees the plan, goals and indicators of the steering chain they work in,
 * but not a sibling unit's own records.
 */
export class Access {
  readonly isAdmin: boolean;
  readonly readableUnitIds: ReadonlySet<string>;
  readonly writableUnitIds: ReadonlySet<string>;
  /** Units whose plans the person may import and change, and keep the reporting calendar of. */
  readonly plannableUnitIds: ReadonlySet<string>;
  /**
   * Units whose dialogue meetings the person may read: those their grants reach, never the units above
   * (a unit manager reads the plan of the chain above, not what its committee said of it).
   */
  readonly minutesReadableUnitIds: ReadonlySet<string>;
  /** Units whose dialogue meetings and notes the person may write: a controller's or administratör's. */
  readonly minutesWritableUnitIds: ReadonlySet<string>;

  constructor(
    readonly user: SessionUser,
    units: UnitLink[],
  ) {
    const children = new Map<string, string[]>();
    const parent = new Map<string, string | null>();
    for (const unit of units) {
      parent.set(unit.id, unit.parentId);
      if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    }
    const reach = (grant: Grant) => {
      const found = new Set([grant.unitId]);
      if (grant.includeSubunits) {
        const queue = [grant.unitId];
        for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
          for (const child of children.get(id) ?? []) {
            if (found.has(child)) continue;
            found.add(child);
            queue.push(child);
          }
        }
      }
      return found;
    };
    const readable = new Set<string>();
    const writable = new Set<string>();
    const plannable = new Set<string>();
    const minutesReadable = new Set<string>();
    for (const grant of user.grants) {
      for (const id of reach(grant)) {
        readable.add(id);
        minutesReadable.add(id);
        if (grant.role !== 'läsare') writable.add(id);
        if (grant.role === 'controller' || grant.role === 'administratör') plannable.add(id);
      }
      for (let id = parent.get(grant.unitId); id; id = parent.get(id)) readable.add(id);
    }
    // An administratör manages everything (users, units, plans), so their rights reach every unit.
    this.isAdmin = user.grants.some((g) => g.role === 'administratör');
    if (this.isAdmin) {
      for (const unit of units) {
        readable.add(unit.id);
        minutesReadable.add(unit.id);
        writable.add(unit.id);
        plannable.add(unit.id);
      }
    }
    this.readableUnitIds = readable;
    this.writableUnitIds = writable;
    this.plannableUnitIds = plannable;
    this.minutesReadableUnitIds = minutesReadable;
    // The staff who keep the plan keep its dialogue notes too; a rapportör reports, a läsare reads.
    this.minutesWritableUnitIds = plannable;
  }

  canRead(unitId: string | null): boolean {
    return unitId !== null && this.readableUnitIds.has(unitId);
  }

  canWrite(unitId: string): boolean {
    return this.writableUnitIds.has(unitId);
  }

  canPlan(unitId: string): boolean {
    return this.plannableUnitIds.has(unitId);
  }

  canReadMinutes(unitId: string): boolean {
    return this.minutesReadableUnitIds.has(unitId);
  }

  canWriteMinutes(unitId: string): boolean {
    return this.minutesWritableUnitIds.has(unitId);
  }

  /** A record outside the reader's scope is answered as missing: its existence is not theirs to know. */
  assertRead(unitId: string | null, what: string): void {
    if (!this.canRead(unitId)) fail(404, 'not_found', `${what} finns inte.`);
  }

  assertWrite(unitId: string): void {
    if (!this.canWrite(unitId)) fail(403, 'forbidden', 'Du har inte behörighet att ändra uppgifter för den här enheten.');
  }

  assertPlan(unitId: string): void {
    if (!this.canPlan(unitId)) fail(403, 'forbidden', 'Det här kräver rollen controller för enheten.');
  }
}

export async function loadAccess(db: Queryable, user: SessionUser): Promise<Access> {
  const units = await db.query<UnitLink>(
    `SELECT id, (data->>'parentId')::uuid AS "parentId" FROM records WHERE entity = 'unit' AND NOT deleted`,
  );
  return new Access(user, units);
}
