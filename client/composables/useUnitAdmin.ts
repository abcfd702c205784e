import * as v from 'valibot';
import { OrgUnitSchema, type CreateUnit, type CreateUnitSchema, type UpdateUnit } from '@shared/schemas/unit.ts';
import { requestJson } from '../http.ts';
import { useSyncStore } from '../stores/sync.ts';

const UnitResponseSchema = v.object({ unit: OrgUnitSchema });

/** What the unit form gives, checked with the server's schema; an empty short name means none. */
export type UnitFormInput = Omit<v.InferOutput<typeof CreateUnitSchema>, 'parentId'>;

/**
 * Creating and renaming units. The tree itself is read from the device: after a change the device pulls,
 * and the new name appears where everyone else will see it.
 */
export function useUnitAdmin() {
  const sync = useSyncStore();
  return {
    create: async (input: CreateUnit) => {
      const { unit } = await requestJson('POST', '/api/admin/units', UnitResponseSchema, input);
      await sync.syncNow();
      return unit;
    },
    rename: async (id: string, patch: UpdateUnit) => {
      const { unit } = await requestJson('PATCH', `/api/admin/units/${encodeURIComponent(id)}`, UnitResponseSchema, patch);
      await sync.syncNow();
      return unit;
    },
  };
}

export type UnitAdmin = ReturnType<typeof useUnitAdmin>;
