import type { EntityName, EntityRecord, RecordInput } from '@shared/schemas/entities.ts';
import type { Queryable } from './database.ts';

/**
 * A write that named an id the database already holds for another record (of another kind, or one that
 * must be new). Never expected from the app's own writers; it is what an id chosen to overwrite a record
 * of another kind ends in, and nothing of the write is kept.
 */
export class RecordClashError extends Error {
  constructor(readonly entity: EntityName) {
    super(`a write of ${entity} named an id held by another record`);
    this.name = 'RecordClashError';
  }
}

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
    koladaValue: 'indicatorId',
    meetingNote: 'meetingId',
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

function rowOf<E extends EntityName>(entity: E, record: RecordInput<E>) {
  // version and seq are columns the database assigns; a caller passing a whole record must not store them twice.
  const { id, version: _version, seq: _seq, ...data } = record as Record<string, unknown> & { id: string };
  const scope = scopeOf(entity, record as Record<string, unknown>);
  return { id, plan_id: scope.planId, unit_id: scope.unitId, parent_id: scope.parentId, data };
}

const ROWSET = 'jsonb_to_recordset($1::jsonb) AS x(id uuid, plan_id uuid, unit_id uuid, parent_id uuid, seq bigint, data jsonb)';

/**
 * Inserts or updates records of one kind (the importer's and the administration's write). A record whose
 * data did not change keeps its version and sequence, so importing the same plan twice sends nothing new
 * to devices. An id held by a record of another kind is never taken over: the write fails as a whole.
 * Returns the records it wrote.
 */
export async function putRecords<E extends EntityName>(tx: Queryable, entity: E, records: RecordInput<E>[]): Promise<EntityRecord<E>[]> {
  const written: EntityRecord<E>[] = [];
  for (let start = 0; start < records.length; start += 500) {
    const rows = records.slice(start, start + 500).map((record) => rowOf(entity, record));
    const existing = await tx.query<{ id: string; same: boolean }>(
      `SELECT r.id, (r.data = x.data AND NOT r.deleted AND r.entity = $2) AS same
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, data jsonb)
         JOIN records r ON r.id = x.id`,
      [JSON.stringify(rows.map(({ id, data }) => ({ id, data }))), entity],
    );
    const unchanged = new Set(existing.filter((row) => row.same).map((row) => row.id));
    const toWrite = rows.filter((row) => !unchanged.has(row.id));
    if (toWrite.length === 0) continue;
    const firstSeq = await allocateSeqs(tx, toWrite.length);
    const stored = await tx.query<RecordRow>(
      `INSERT INTO records (id, entity, plan_id, unit_id, parent_id, seq, data)
         SELECT x.id, $2, x.plan_id, x.unit_id, x.parent_id, x.seq, x.data FROM ${ROWSET}
       ON CONFLICT (id) DO UPDATE SET
         data = EXCLUDED.data, plan_id = EXCLUDED.plan_id, unit_id = EXCLUDED.unit_id, parent_id = EXCLUDED.parent_id,
         prev_unit_id = CASE WHEN records.unit_id IS DISTINCT FROM EXCLUDED.unit_id THEN records.unit_id ELSE records.prev_unit_id END,
         seq = EXCLUDED.seq, version = records.version + 1, deleted = false, updated_at = now()
       WHERE records.entity = EXCLUDED.entity
       RETURNING *`,
      [JSON.stringify(toWrite.map((row, index) => ({ ...row, seq: firstSeq + index }))), entity],
    );
    if (stored.length !== toWrite.length) throw new RecordClashError(entity);
    written.push(...stored.map((row) => toRecord<E>(row)));
  }
  return written;
}

/** Adds records that must be new: an id that any record already holds, of any kind, fails the write. */
export async function insertRecords<E extends EntityName>(tx: Queryable, entity: E, records: RecordInput<E>[]): Promise<EntityRecord<E>[]> {
  if (records.length === 0) return [];
  const rows = records.map((record) => rowOf(entity, record));
  const firstSeq = await allocateSeqs(tx, rows.length);
  const stored = await tx.query<RecordRow>(
    `INSERT INTO records (id, entity, plan_id, unit_id, parent_id, seq, data)
       SELECT x.id, $2, x.plan_id, x.unit_id, x.parent_id, x.seq, x.data FROM ${ROWSET}
     ON CONFLICT (id) DO NOTHING RETURNING *`,
    [JSON.stringify(rows.map((row, index) => ({ ...row, seq: firstSeq + index }))), entity],
  );
  if (stored.length !== rows.length) throw new RecordClashError(entity);
  return stored.map((row) => toRecord<E>(row));
}

/**
 * Writes a record of this kind that a writer read under its lock, or creates it when `isNew`: an update
 * reaches only a live record of the same kind, and a new record only an id that no record holds (or that
 * a deleted record of the same kind left). Data that did not change keeps its version. Returns the record
 * as stored and whether it changed.
 */
export async function writeRecord<E extends EntityName>(tx: Queryable, entity: E, record: RecordInput<E>, isNew: boolean): Promise<{ record: EntityRecord<E>; changed: boolean }> {
  const row = rowOf(entity, record);
  const [current] = await tx.query<RecordRow & { same: boolean }>(`SELECT *, data = $2::jsonb AS same FROM records WHERE id = $1`, [row.id, JSON.stringify(row.data)]);
  if (!current) {
    if (!isNew) throw new RecordClashError(entity);
    return { record: (await insertRecords(tx, entity, [record]))[0]!, changed: true };
  }
  if (current.entity !== entity || current.deleted !== isNew) throw new RecordClashError(entity);
  if (!isNew && current.same) return { record: toRecord<E>(current), changed: false };
  const seq = await allocateSeqs(tx, 1);
  const [stored] = await tx.query<RecordRow>(
    `UPDATE records SET data = $3::jsonb, plan_id = $4, unit_id = $5, parent_id = $6, seq = $7, version = version + 1, deleted = false, updated_at = now(),
            prev_unit_id = CASE WHEN unit_id IS DISTINCT FROM $5::uuid THEN unit_id ELSE prev_unit_id END
      WHERE id = $1 AND entity = $2 RETURNING *`,
    [row.id, entity, JSON.stringify(row.data), row.plan_id, row.unit_id, row.parent_id, seq],
  );
  return { record: toRecord<E>(stored!), changed: true };
}

/**
 * Takes the row lock of the record a change goes through (an activity, or the indicator or goal whose
 * cell it writes) before anything is read: changes to the same record arriving at the same moment then
 * run one after the other, each reading what the one before committed, so none decides on a version that
 * is already gone or overwrites another's change unseen. Without it, PostgreSQL runs them side by side
 * and the last to commit silently wins. (PGlite runs one transaction at a time.)
 */
export async function lockRecord(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT 1 FROM records WHERE id = $1 FOR UPDATE', [id]);
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

/** A page of changes as JSON text, with what the pull needs to know about it. */
export interface ChangePage {
  /** The changes as a JSON array, each `{ entity, id, seq, deleted, record }` (`record` null when deleted). */
  json: string;
  count: number;
  /** The last change's sequence; null for an empty page. */
  lastSeq: number | null;
}

/**
 * Every change after `since` that the reader may see, oldest first: one range scan on the unique `seq`
 * index. `readable` limits it to records of those units (plan-wide records such as perspectives follow
 * their plan); a record that moved out of those units comes back as a removal. null reads everything.
 * Dialogue meetings and their notes follow `minutesReadable` instead (a unit and above, not below).
 * A record's data comes as the database's JSON text and is spliced into the page as it is: parsing it
 * into objects and writing them out again cost a quarter of a delta pull's time on PGlite.
 */
export async function changesSince(db: Queryable, since: number, limit: number, readable: ReadonlySet<string> | null = null, minutesReadable: ReadonlySet<string> | null = null): Promise<ChangePage> {
  const units = readable ? [...readable] : null;
  const minutesUnits = minutesReadable ? [...minutesReadable] : null;
  const rows = await db.query<{ id: string; entity: string; version: number; seq: number; gone: boolean; data: string }>(
    `WITH readable_plans AS (
       SELECT id FROM records WHERE entity = 'plan' AND ($3::uuid[] IS NULL OR unit_id = ANY($3))
     )
     SELECT id, entity, version, seq, deleted OR NOT visible AS gone, data::text AS data FROM (
       SELECT r.*, (CASE WHEN r.entity IN ('meeting', 'meetingNote') THEN $4::uuid[] IS NULL OR r.unit_id = ANY($4)
                    ELSE $3::uuid[] IS NULL OR r.unit_id = ANY($3) OR (r.unit_id IS NULL AND r.plan_id IN (SELECT id FROM readable_plans)) END) AS visible
         FROM records r WHERE r.seq > $1
     ) changed
     WHERE visible OR prev_unit_id = ANY($3)
     ORDER BY seq LIMIT $2`,
    [since, limit, units, minutesUnits],
  );
  const changes = rows.map((row) => {
    const seq = Number(row.seq);
    const columns = `"id":${JSON.stringify(row.id)},"version":${Number(row.version)},"seq":${seq}`;
    // The stored data never holds id, version or seq (rowOf takes them out), so nothing is said twice.
    const record = row.gone ? 'null' : row.data === '{}' ? `{${columns}}` : `{${columns},${row.data.slice(1)}`;
    return `{"entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},"seq":${seq},"deleted":${row.gone},"record":${record}}`;
  });
  return { json: `[${changes.join(',')}]`, count: rows.length, lastSeq: rows.length > 0 ? Number(rows.at(-1)!.seq) : null };
}
