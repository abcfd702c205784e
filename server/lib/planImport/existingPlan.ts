import type { EntityRecord } from '@shared/schemas/entities.ts';
import type { Queryable } from '../../db/database.ts';
import { loadOrganisation, loadPlanRecords } from '../../db/planRecords.ts';
import { STRUCTURE_KINDS, type StructureKind } from './buildPlan.ts';

/** What the database already holds of a document's organisation and plan, found by their keys. */
export interface ExistingPlan {
  root: { id: string; key: string; name: string } | null;
  /** The organisation's units by key, wherever they came from (an earlier import, the administration). */
  unitsByKey: Map<string, { id: string; name: string }>;
  plan: EntityRecord<'plan'> | null;
  /** The plan's structure records by key, removed ones included. */
  byKey: Record<StructureKind, Map<string, { id: string; data: unknown }>>;
  outcomes: Map<string, EntityRecord<'outcome'>>;
  assessments: Map<string, EntityRecord<'goalAssessment'>>;
}

export async function loadExistingPlan(db: Queryable, organisationKey: string, planKey: string): Promise<ExistingPlan> {
  const organisation = await loadOrganisation(db, organisationKey);
  const plan = organisation ? await loadPlanRecords(db, organisation.unitIds, planKey) : null;
  const byKey = Object.fromEntries(STRUCTURE_KINDS.map((kind) => [kind, new Map()])) as ExistingPlan['byKey'];
  for (const record of plan?.structure ?? []) byKey[record.entity as StructureKind]?.set(record.key, { id: record.id, data: record.data });
  return {
    root: organisation?.root ?? null,
    unitsByKey: organisation?.unitsByKey ?? new Map(),
    plan: plan?.plan ?? null,
    byKey,
    outcomes: new Map((plan?.outcomes ?? []).map((o) => [o.id, o])),
    assessments: new Map((plan?.assessments ?? []).map((a) => [a.id, a])),
  };
}
