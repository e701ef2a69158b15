import { type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { type CopyValue, copyQuery } from '../../platform/db/copy.ts';

/**
 * Set-wise writes for the population import. The records are first written, a chunk at a time,
 * into a temporary staging table with `COPY` (the cheapest way rows reach PostgreSQL: no
 * statement to parse, no index, no WAL for a temporary table). Then one statement compares what is
 * staged with the register and inserts, updates and versions what differs: once at the end of a
 * full load, or before a change record that may need the people staged so far.
 */

/** A staged column: its name and its PostgreSQL type. */
export type BulkColumn = readonly [name: string, type: 'text' | 'boolean' | 'date' | 'float8' | 'integer'];

/** The staging table's definition, from its columns (constants of this module). */
export async function createStagingTable<DB>(
  db: Kysely<DB>,
  table: string,
  columns: readonly BulkColumn[],
): Promise<void> {
  const definition = sql.raw(columns.map(([name, type]) => `${name} ${type}`).join(', '));
  await sql`create temp table ${sql.table(table)} (${definition}) on commit drop`.execute(db);
}

/** The COPY of rows (objects with the columns' names) into a staging table, to run later. */
export function stagingCopy(
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
): CompiledQuery {
  const names = columns.map(([name]) => name);
  return copyQuery(
    table,
    names,
    rows.map((row) => names.map((name) => row[name] as CopyValue)),
  );
}

/**
 * The import's writes, run one after another on its transaction's one connection while the file is
 * read on. Up to `depth` writes may wait their turn, so a slow write (a merge) does not hold up the
 * reading, and memory stays bounded: each waiting write holds one chunk as COPY text. A failed
 * write fails every write queued after it, and surfaces at the next `add` that waits, or at `drain`.
 */
export class WriteQueue {
  readonly #depth: number;
  readonly #queued: Promise<void>[] = [];

  constructor(depth: number) {
    this.#depth = depth;
  }

  async add(work: () => Promise<void>): Promise<void> {
    const previous = this.#queued.at(-1) ?? Promise.resolve();
    const next = previous.then(work);
    next.catch(() => undefined);
    this.#queued.push(next);
    while (this.#queued.length > this.#depth) await this.#queued.shift();
  }

  /** Waits until every queued write is done. */
  async drain(): Promise<void> {
    for (const write of this.#queued.splice(0)) await write;
  }
}

/** The staged rows, a key staged twice counting once (its first record deciding). */
const incoming = (target: KeyedUpsert) =>
  sql`incoming as (
      select distinct on (${sql.raw(target.key)}) * from ${sql.table(target.staging)}
      order by ${sql.raw(target.key)}, ord
    )`;

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
  /** The temporary table the records are staged in. */
  staging: 'import_persons' | 'import_organisations' | 'import_properties';
  /** What a full load lists the key as (`import_listed`), to end the relations it no longer names. */
  listedAs: 'person' | 'organisation' | 'property';
  /**
   * Whether the target keeps a dated history (people do): a changed row's replaced facts become a
   * version that ends on the file's date (an added row's `facts_valid_from` and `facts_change_kind`
   * are staged with it).
   */
  versioned: boolean;
  /** The natural key the file names the row by (personal number, organisation number, designation). */
  key: string;
  /** The columns a changed record updates and that decide whether it changed. */
  compared: readonly string[];
  /** Further columns written only when the row is new. */
  insertedOnly: readonly string[];
  columns: readonly BulkColumn[];
}

/**
 * Merges the staged rows into the register and empties the staging table: the rows the register
 * lacks are added, those that differ updated. A key staged twice counts once, its first record
 * (`ord`) deciding. A versioned target's changed rows keep their replaced facts as a version; a
 * change found by comparing (a full load) dates from `changedFrom`, the file's date. `listAs`
 * keeps the keys in `import_listed`, for a full load that ends the relations it no longer names.
 * Returns the counts.
 *
 * Every step is driven by the staged rows, never by the register: each staged key is looked up in
 * the register's unique index (a lateral subquery, which PostgreSQL runs once per row), so a merge
 * costs what it stages, however large the register has grown. A join would let the planner hash the
 * whole register for every merge of a large load.
 */
export async function mergeStaged<DB>(
  db: Kysely<DB>,
  target: KeyedUpsert,
  written: { batchId: string; now: Date; changedFrom: string },
  options: { listAs?: KeyedUpsert['listedAs'] } = {},
): Promise<{ added: number; changed: number }> {
  const { table, key, compared, insertedOnly } = target;
  const table_ = sql.table(table);
  const key_ = sql.raw(key);
  const inserted = [key, ...insertedOnly, ...compared];
  const batchId = sql`${written.batchId}::uuid`;
  const listing = options.listAs
    ? sql`, listed as (
        insert into import_listed (kind, key) select ${options.listAs}, ${key_} from incoming
        on conflict do nothing)`
    : sql``;
  const first = await sql<{ added: number; differing: number }>`
    with ${incoming(target)}, compared as (
      select s.*, e.id as existing_id, e.differs from incoming s
      left join lateral (
        select r.id, (${names(compared, 'r.')}) is distinct from (${names(compared, 's.')}) as differs
        from ${table_} r where r.${key_} = s.${key_} limit 1
      ) e on true
    ), fresh as (
      insert into ${table_} (${names(inserted)}, batch_id, register_changed_at)
      select ${names(inserted, 's.')}, ${batchId}, ${written.now}::timestamptz from compared s
      where s.existing_id is null
      returning id
    )${listing}
    select (select count(*) from fresh)::integer as added,
      (select count(*) from compared where differs)::integer as differing`.execute(db);
  const added = Number(first.rows[0]?.added ?? 0);
  const changed = Number(first.rows[0]?.differing ?? 0) > 0 ? await updateDiffering(db, target, written) : 0;
  await sql`truncate ${sql.table(target.staging)}`.execute(db);
  return { added, changed };
}

/** Updates the registered rows whose staged record differs; a versioned target keeps what they replace. */
async function updateDiffering<DB>(
  db: Kysely<DB>,
  target: KeyedUpsert,
  written: { batchId: string; now: Date; changedFrom: string },
): Promise<number> {
  const { table, key, compared } = target;
  const table_ = sql.table(table);
  const key_ = sql.raw(key);
  const batchId = sql`${written.batchId}::uuid`;
  // Every part of one statement reads the register as it was before the statement: `differing`
  // holds the facts the update replaces.
  const history = target.versioned
    ? sql`, history as (
        insert into registry_person_versions (person_id, valid_from, valid_to, change_kind, facts, batch_id)
        select d.id, d.facts_valid_from, ${written.changedFrom}::date, d.facts_change_kind,
          ${factsObject(compared, 'd.')}, d.batch_id
        from differing d)`
    : sql``;
  const historyColumns = target.versioned ? sql`, facts_valid_from, facts_change_kind` : sql``;
  const historyValues = target.versioned ? sql`, ${written.changedFrom}::date, 'full_load'` : sql``;
  const result = await sql<{ changed: number }>`
    with ${incoming(target)}, differing as (
      select r.* from ${table_} r join incoming s on r.${key_} = s.${key_}
      where (${names(compared, 'r.')}) is distinct from (${names(compared, 's.')})
    )${history}, changed as (
      update ${table_} r set (${names(compared)}${historyColumns}, batch_id, register_changed_at, updated_at) =
        (${names(compared, 's.')}${historyValues}, ${batchId}, ${written.now}::timestamptz, ${written.now}::timestamptz)
      from incoming s
      where r.${key_} = s.${key_} and r.id in (select id from differing)
      returning r.id
    )
    select count(*)::integer as changed from changed`.execute(db);
  return Number(result.rows[0]?.changed ?? 0);
}
