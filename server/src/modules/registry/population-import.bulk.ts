import { type Kysely, type RawBuilder, sql } from 'kysely';

/**
 * Set-wise writes for the population import. A chunk of records travels to the database as one
 * JSON parameter, unpacked there by `json_to_recordset`, and one statement compares it with the
 * register and inserts, updates and versions what differs — one round trip per chunk instead of
 * one per person. JSON is used rather than arrays because both drivers pass one text parameter
 * the same way, whatever quotes or commas the names hold.
 */

/** A staged column: its name, and its PostgreSQL type as `json_to_recordset` reads it. */
export type BulkColumn = readonly [name: string, type: 'text' | 'boolean' | 'date' | 'float8' | 'integer'];

/** `json_to_recordset(<rows>) as t(<columns>)`: the rows as a table in a query. */
export function recordsetOf(rows: readonly object[], columns: readonly BulkColumn[]): RawBuilder<unknown> {
  const definition = sql.raw(columns.map(([name, type]) => `${name} ${type}`).join(', '));
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) as t(${definition})`;
}

const names = (columns: readonly string[], prefix = '') =>
  sql.raw(columns.map((column) => `${prefix}${column}`).join(', '));

/** `jsonb_build_object('a', s.a, …)`: a version's facts, shaped as the import keeps them. */
export function factsObject(columns: readonly string[], prefix: string): RawBuilder<unknown> {
  return sql.raw(
    `jsonb_build_object(${columns.map((column) => `'${column}', ${prefix}${column}`).join(', ')})`,
  );
}

export interface KeyedUpsert {
  table: 'registry_persons' | 'registry_organisations' | 'registry_properties';
  /** The natural key the file names the row by (personal number, organisation number, designation). */
  key: string;
  /** The columns a changed record updates and that decide whether it changed. */
  compared: readonly string[];
  /** Further columns written only when the row is new. */
  insertedOnly: readonly string[];
  columns: readonly BulkColumn[];
}

/**
 * Adds the rows the register lacks and updates those that differ, in one statement; a key that
 * appears twice in the chunk counts once, its first record (`ord`) deciding. When `versions` is
 * given, every added or changed row gets a dated version of its facts. Returns the counts.
 */
export async function upsertChunk<DB>(
  db: Kysely<DB>,
  target: KeyedUpsert,
  rows: readonly object[],
  written: { batchId: string; now: Date },
  options: { listAs?: 'person' | 'organisation' | 'property'; versions?: { changedFrom: string } } = {},
): Promise<{ added: number; changed: number }> {
  const { table, key, compared, insertedOnly } = target;
  const table_ = sql.table(table);
  const key_ = sql.raw(key);
  const inserted = [key, ...insertedOnly, ...compared];
  const listing = options.listAs
    ? sql`, listed as (
        insert into import_listed (kind, key) select ${options.listAs}, ${key_} from incoming
        on conflict do nothing)`
    : sql``;
  const versions = options.versions
    ? sql`, versions as (
        insert into registry_person_versions (person_id, valid_from, change_kind, facts, batch_id)
        select f.id, s.valid_from, s.change_kind, ${factsObject(compared, 's.')}, ${written.batchId}::uuid
        from fresh f join incoming s using (${key_})
        union all
        select c.id, ${options.versions.changedFrom}::date, 'full_load', ${factsObject(compared, 's.')},
          ${written.batchId}::uuid
        from changed c join incoming s using (${key_}))`
    : sql``;
  const result = await sql<{ added: number; changed: number }>`
    with incoming as (
      select distinct on (${key_}) * from ${recordsetOf(rows, target.columns)} order by ${key_}, ord
    ), fresh as (
      insert into ${table_} (${names(inserted)}, batch_id, register_changed_at)
      select ${names(inserted, 's.')}, ${written.batchId}::uuid, ${written.now}::timestamptz from incoming s
      where not exists (select 1 from ${table_} r where r.${key_} = s.${key_})
      returning id, ${key_}
    ), changed as (
      update ${table_} r set (${names(compared)}, batch_id, register_changed_at, updated_at) =
        (${names(compared, 's.')}, ${written.batchId}::uuid, ${written.now}::timestamptz, ${written.now}::timestamptz)
      from incoming s
      where r.${key_} = s.${key_} and (${names(compared, 'r.')}) is distinct from (${names(compared, 's.')})
      returning r.id, r.${key_}
    )${listing}${versions}
    select (select count(*) from fresh)::integer as added, (select count(*) from changed)::integer as changed`.execute(
    db,
  );
  const counts = result.rows[0];
  return { added: Number(counts?.added ?? 0), changed: Number(counts?.changed ?? 0) };
}
