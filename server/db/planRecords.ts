import type { EntityName, EntityRecord } from '@shared/schemas/entities.ts';
import type { Queryable } from './database.ts';

interface Row {
  id: string;
  entity: EntityName;
  version: number;
  seq: number;
  data: Record<string, unknown>;
}

const asRecord = <E extends EntityName>(row: Row) => ({ ...row.data, id: row.id, version: row.version, seq: Number(row.seq) }) as EntityRecord<E>;

/** An organisation (the root unit with this key) and every unit under it, by key. */
export async function loadOrganisation(db: Queryable, key: string) {
  const [root] = await db.query<{ id: string; name: string }>(
    `SELECT id::text, data->>'name' AS name FROM records WHERE entity = 'unit' AND NOT deleted AND data->>'parentId' IS NULL AND data->>'key' = $1 LIMIT 1`,
    [key],
  );
  if (!root) return null;
  const units = await db.query<{ id: string; key: string; name: string }>(
    `WITH RECURSIVE tree AS (
       SELECT id, data FROM records WHERE id = $1
       UNION ALL
       SELECT r.id, r.data FROM records r JOIN tree t ON r.entity = 'unit' AND NOT r.deleted AND (r.data->>'parentId')::uuid = t.id
     )
     SELECT id::text, data->>'key' AS key, data->>'name' AS name FROM tree`,
    [root.id],
  );
  return { root: { id: root.id, key, name: root.name }, unitIds: units.map((u) => u.id), unitsByKey: new Map(units.map((u) => [u.key, { id: u.id, name: u.name }])) };
}

/** A plan of the organisation (by key), its structure records (removed ones too), outcomes and assessments. */
export async function loadPlanRecords(db: Queryable, organisationUnitIds: string[], planKey: string) {
  const [planRow] = await db.query<Row>(
    `SELECT id::text, entity, version, seq, data FROM records WHERE entity = 'plan' AND NOT deleted AND data->>'key' = $1 AND unit_id = ANY($2::uuid[]) LIMIT 1`,
    [planKey, organisationUnitIds],
  );
  if (!planRow) return null;
  const rows = await db.query<Row>(
    `SELECT id::text, entity, version, seq, data FROM records
      WHERE NOT deleted AND (plan_id = $1 OR (entity IN ('outcome', 'goalAssessment') AND parent_id IN (SELECT id FROM records WHERE plan_id = $1)))`,
    [planRow.id],
  );
  return {
    plan: asRecord<'plan'>(planRow),
    structure: rows.filter((r) => r.entity !== 'outcome' && r.entity !== 'goalAssessment' && r.entity !== 'activityUpdate').map((r) => ({ id: r.id, entity: r.entity, key: String(r.data.key), data: asRecord(r) })),
    outcomes: rows.filter((r) => r.entity === 'outcome').map((r) => asRecord<'outcome'>(r)),
    assessments: rows.filter((r) => r.entity === 'goalAssessment').map((r) => asRecord<'goalAssessment'>(r)),
  };
}

/** Which of these ids a record already has. */
export async function existingIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>('SELECT id::text FROM records WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** The data of these records as stored, for telling what an import would change. */
export async function storedData(db: Queryable, ids: string[]): Promise<Map<string, { entity: EntityName; deleted: boolean; data: unknown }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; entity: EntityName; deleted: boolean; data: unknown }>('SELECT id::text, entity, deleted, data FROM records WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, { entity: r.entity, deleted: r.deleted, data: r.data }]));
}
