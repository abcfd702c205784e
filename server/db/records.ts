import type { EntityName, EntityRecord } from '@shared/schemas/entities.ts';
import type { Change } from '@shared/schemas/sync.ts';
import type { Queryable } from './database.ts';

/** A record as a writer supplies it: the version and change sequence are the database's to assign. */
export type RecordInput<E extends EntityName> = Omit<EntityRecord<E>, 'version' | 'seq'>;

interface RecordRow {
  id: string;
  entity: EntityName;
  version: number;
  seq: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
}

/** The columns lifted out of `data` for filtering (and, later, for deciding who may read a record). */
function scopeOf(entity: EntityName, record: Record<string, unknown>) {
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null);
  const parentKey: Partial<Record<EntityName, string>> = {
    unit: 'parentId',
    goal: 'parentId',
    goalAssessment: 'goalId',
    outcome: 'indicatorId',
    activityUpdate: 'activityId',
  };
  return {
    planId: entity === 'plan' ? text('id') : text('planId'),
    unitId: entity === 'unit' ? text('id') : (text('unitId') ?? text('givenToUnitId')),
    parentId: parentKey[entity] ? text(parentKey[entity]) : null,
  };
}

function toRecord<E extends EntityName>(row: RecordRow): EntityRecord<E> {
  return { ...row.data, id: row.id, version: row.version, seq: row.seq } as EntityRecord<E>;
}

/** Hands out `count` consecutive change sequences; the counter's row lock orders concurrent writers. */
export async function allocateSeqs(tx: Queryable, count: number): Promise<number> {
  const [row] = await tx.query<{ value: number }>('UPDATE change_counter SET value = value + $1 RETURNING value', [count]);
  if (!row) throw new Error('change_counter is missing its row');
  return Number(row.value) - count + 1;
}

export async function currentSeq(db: Queryable): Promise<number> {
  const [row] = await db.query<{ value: number }>('SELECT value FROM change_counter WHERE id = 1');
  return Number(row?.value ?? 0);
}

/**
 * Inserts or updates records of one kind. A record whose data did not change keeps its version and
 * sequence, so importing the same plan twice sends nothing new to devices. Returns how many changed.
 */
export async function putRecords<E extends EntityName>(tx: Queryable, entity: E, records: RecordInput<E>[]): Promise<number> {
  let changed = 0;
  for (let start = 0; start < records.length; start += 500) {
    const chunk = records.slice(start, start + 500);
    const rows = chunk.map((record) => {
      // version and seq are columns the database assigns; a caller passing a whole record must not store them twice.
      const { id, version: _version, seq: _seq, ...data } = record as Record<string, unknown> & { id: string };
      const scope = scopeOf(entity, record as Record<string, unknown>);
      return { id, plan_id: scope.planId, unit_id: scope.unitId, parent_id: scope.parentId, data };
    });
    const existing = await tx.query<{ id: string; same: boolean }>(
      `SELECT r.id, (r.data = x.data AND NOT r.deleted) AS same
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, data jsonb)
         JOIN records r ON r.id = x.id`,
      [JSON.stringify(rows.map(({ id, data }) => ({ id, data })))],
    );
    const unchanged = new Set(existing.filter((row) => row.same).map((row) => row.id));
    const toWrite = rows.filter((row) => !unchanged.has(row.id));
    if (toWrite.length === 0) continue;
    const firstSeq = await allocateSeqs(tx, toWrite.length);
    await tx.query(
      `INSERT INTO records (id, entity, plan_id, unit_id, parent_id, seq, data)
         SELECT x.id, $2, x.plan_id, x.unit_id, x.parent_id, x.seq, x.data
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, plan_id uuid, unit_id uuid, parent_id uuid, seq bigint, data jsonb)
       ON CONFLICT (id) DO UPDATE SET
         data = EXCLUDED.data, plan_id = EXCLUDED.plan_id, unit_id = EXCLUDED.unit_id, parent_id = EXCLUDED.parent_id,
         prev_unit_id = CASE WHEN records.unit_id IS DISTINCT FROM EXCLUDED.unit_id THEN records.unit_id ELSE records.prev_unit_id END,
         seq = EXCLUDED.seq, version = records.version + 1, deleted = false, updated_at = now()`,
      [JSON.stringify(toWrite.map((row, index) => ({ ...row, seq: firstSeq + index }))), entity],
    );
    changed += toWrite.length;
  }
  return changed;
}

/** Replaces a record with a tombstone that devices receive on their next pull. */
export async function deleteRecord(tx: Queryable, entity: EntityName, id: string): Promise<boolean> {
  const seq = await allocateSeqs(tx, 1);
  const rows = await tx.query(
    `UPDATE records SET deleted = true, data = NULL, seq = $3, version = version + 1, updated_at = now()
      WHERE id = $1 AND entity = $2 AND NOT deleted RETURNING id`,
    [id, entity, seq],
  );
  return rows.length > 0;
}

export async function getRecord<E extends EntityName>(db: Queryable, entity: E, id: string): Promise<EntityRecord<E> | null> {
  const [row] = await db.query<RecordRow>('SELECT * FROM records WHERE id = $1 AND entity = $2 AND NOT deleted', [id, entity]);
  return row ? toRecord<E>(row) : null;
}

export interface ListFilter {
  planId?: string;
  /** Only records of these units (and unit-less plan records such as perspectives). */
  readableUnitIds?: ReadonlySet<string>;
  /** Records belonging to any of these (outcomes of indicators, updates of activities …). */
  parentIds?: string[];
}

export async function listRecords<E extends EntityName>(db: Queryable, entity: E, filter: ListFilter = {}): Promise<EntityRecord<E>[]> {
  const rows = await db.query<RecordRow>(
    `SELECT * FROM records
      WHERE entity = $1 AND NOT deleted
        AND ($2::uuid IS NULL OR plan_id = $2) AND ($3::uuid[] IS NULL OR parent_id = ANY($3))
        AND ($4::uuid[] IS NULL OR unit_id IS NULL OR unit_id = ANY($4))
      ORDER BY (data->>'order')::float NULLS LAST, seq`,
    [entity, filter.planId ?? null, filter.parentIds ?? null, filter.readableUnitIds ? [...filter.readableUnitIds] : null],
  );
  return rows.map((row) => toRecord<E>(row));
}

/**
 * Every change after `since` that the reader may see, oldest first: one range scan on the unique `seq`
 * index. `readable` limits it to records of those units (plan-wide records such as perspectives follow
 * their plan); a record that moved out of those units comes back as a removal. null reads everything.
 */
export async function changesSince(db: Queryable, since: number, limit: number, readable: ReadonlySet<string> | null = null): Promise<Change[]> {
  const units = readable ? [...readable] : null;
  const rows = await db.query<RecordRow & { visible: boolean }>(
    `WITH readable_plans AS (
       SELECT id FROM records WHERE entity = 'plan' AND ($3::uuid[] IS NULL OR unit_id = ANY($3))
     )
     SELECT id, entity, version, seq, deleted, data, visible FROM (
       SELECT r.*, ($3::uuid[] IS NULL OR r.unit_id = ANY($3) OR (r.unit_id IS NULL AND r.plan_id IN (SELECT id FROM readable_plans))) AS visible
         FROM records r WHERE r.seq > $1
     ) changed
     WHERE visible OR prev_unit_id = ANY($3)
     ORDER BY seq LIMIT $2`,
    [since, limit, units],
  );
  return rows.map((row) => {
    const gone = row.deleted || !row.visible;
    return {
      entity: row.entity,
      id: row.id,
      seq: Number(row.seq),
      deleted: gone,
      record: gone ? null : (toRecord(row) as unknown as Record<string, unknown>),
    };
  });
}
