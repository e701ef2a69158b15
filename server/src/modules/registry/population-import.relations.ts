import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { RecordPosition } from './population-file/index.ts';
import { type BulkColumn, createStagingTable, stagingCopy } from './population-import.bulk.ts';

/**
 * The relations a population file names — custody, signatories, property owners — refer to people
 * and organisations by number, possibly before the register has them. The import stages them in a
 * temporary table while it reads and resolves them set-wise at the end, inside its transaction.
 */

export type StagedRelationKind = 'custody' | 'signatory' | 'owner_person' | 'owner_organisation';

export interface StagedRelation {
  record: number;
  line: number;
  kind: StagedRelationKind;
  /** The child, the organisation or the property designation. */
  subject: string;
  /** The guardian, signatory or owner, by personal or organisation number. */
  party: string;
  valid_from: string | null;
  numerator: number | null;
  denominator: number | null;
}

const RELATION_COLUMNS: readonly BulkColumn[] = [
  ['record', 'integer'],
  ['line', 'integer'],
  ['kind', 'text'],
  ['subject', 'text'],
  ['party', 'text'],
  ['valid_from', 'date'],
  ['numerator', 'integer'],
  ['denominator', 'integer'],
];

/** The temporary tables of one import's relations; they go with its transaction. */
export async function createRelationStaging<DB>(db: Kysely<DB>): Promise<void> {
  await createStagingTable(db, 'import_relations', RELATION_COLUMNS);
  // What a full load lists: the people, organisations and properties whose relations it decides.
  await sql`create temp table import_listed (kind text, key text, primary key (kind, key)) on commit drop`.execute(
    db,
  );
}

/** The COPY of staged relations into their table, to run later. */
export function relationsCopy(rows: StagedRelation[]): CompiledQuery {
  return stagingCopy('import_relations', RELATION_COLUMNS, rows as unknown as Record<string, unknown>[]);
}

/**
 * Analyses the staging tables once filled: the resolution joins them with the register. When
 * relations in force are to be compared with them (`endUnlistedRelations`), each relation in force
 * looks up its subject's staged relations, by index.
 */
export async function prepareStagedRelations<DB>(db: Kysely<DB>, before: RelationsInForce): Promise<void> {
  if (before.custody || before.signatories || before.owners) {
    await sql`create index on import_relations (subject, kind)`.execute(db);
  }
  await sql`analyze import_relations`.execute(db);
  await sql`analyze import_listed`.execute(db);
}

const unknownReference: Record<StagedRelationKind, string> = {
  custody: 'a guardian is not in the register',
  signatory: 'a signatory is not in the register',
  owner_person: 'an owner is not in the register',
  owner_organisation: 'an owning organisation is not in the register',
};

/** The staged relations that name someone the register does not know, as rejections of their records. */
export async function findUnknownReferences<DB>(
  db: Kysely<DB>,
): Promise<{ position: RecordPosition; reason: string }[]> {
  const unknown = await sql<{ record: number; line: number; kind: StagedRelationKind }>`
      select r.record, r.line, r.kind from import_relations r
      where (r.kind in ('custody', 'signatory', 'owner_person')
             and not exists (select 1 from registry_persons p where p.personal_number = r.party))
         or (r.kind in ('custody') and not exists (select 1 from registry_persons p where p.personal_number = r.subject))
         or (r.kind = 'owner_organisation'
             and not exists (select 1 from registry_organisations o where o.organisation_number = r.party))
      order by r.record`.execute(db);
  return unknown.rows.map((row) => ({
    position: { record: row.record, line: row.line },
    reason: unknownReference[row.kind] ?? 'an unknown reference',
  }));
}

const affected = (...results: { numAffectedRows?: bigint }[]) =>
  results.reduce((sum, result) => sum + Number(result.numAffectedRows ?? 0), 0);

/** Begins the staged relations not yet in force; returns how many began. */
export async function beginStagedRelations<DB>(
  db: Kysely<DB>,
  batchId: string,
  today: string,
): Promise<number> {
  const added = await sql`
      insert into registry_custody (guardian_id, child_id, valid_from, batch_id)
      select distinct on (g.id, c.id) g.id, c.id, coalesce(r.valid_from, c.birth_date), ${batchId}::uuid
      from import_relations r
      join registry_persons c on c.personal_number = r.subject
      join registry_persons g on g.personal_number = r.party
      where r.kind = 'custody' and g.id <> c.id
        and not exists (select 1 from registry_custody k where k.guardian_id = g.id and k.child_id = c.id and k.valid_to is null)
      on conflict do nothing`.execute(db);
  const signatories = await sql`
      insert into registry_signatories (organisation_id, person_id, valid_from)
      select distinct on (o.id, p.id) o.id, p.id, coalesce(r.valid_from, ${today}::date)
      from import_relations r
      join registry_organisations o on o.organisation_number = r.subject
      join registry_persons p on p.personal_number = r.party
      where r.kind = 'signatory'
        and not exists (select 1 from registry_signatories s where s.organisation_id = o.id and s.person_id = p.id and s.valid_to is null)
      on conflict do nothing`.execute(db);
  const owners = await sql`
      insert into registry_property_owners (property_id, person_id, organisation_id, share_numerator, share_denominator, valid_from)
      select pr.id, p.id, o.id, r.numerator, r.denominator, coalesce(r.valid_from, ${today}::date)
      from import_relations r
      join registry_properties pr on pr.designation = r.subject
      left join registry_persons p on r.kind = 'owner_person' and p.personal_number = r.party
      left join registry_organisations o on r.kind = 'owner_organisation' and o.organisation_number = r.party
      where r.kind in ('owner_person', 'owner_organisation') and (p.id is not null or o.id is not null)
        and not exists (
          select 1 from registry_property_owners w
          where w.property_id = pr.id and w.valid_to is null
            and w.person_id is not distinct from p.id and w.organisation_id is not distinct from o.id
            and w.share_numerator = r.numerator and w.share_denominator = r.denominator)`.execute(db);
  return affected(added, signatories, owners);
}

/** Which kinds of relation the register holds in force: only those can a full load end. */
export interface RelationsInForce {
  custody: boolean;
  signatories: boolean;
  owners: boolean;
}

export async function findRelationsInForce<DB>(db: Kysely<DB>): Promise<RelationsInForce> {
  const result = await sql<RelationsInForce>`select
      exists (select 1 from registry_custody where valid_to is null) as custody,
      exists (select 1 from registry_signatories where valid_to is null) as signatories,
      exists (select 1 from registry_property_owners where valid_to is null) as owners`.execute(db);
  return result.rows[0] ?? { custody: true, signatories: true, owners: true };
}

const NOTHING = { numAffectedRows: 0n };

/**
 * Ends, for the people, organisations and properties a full load lists, the relations in force that
 * the file no longer names; returns how many ended. `before` says which kinds were in force before
 * the load began (a first load into an empty register has nothing to end, and skips the work).
 */
export async function endUnlistedRelations<DB>(
  db: Kysely<DB>,
  today: string,
  before: RelationsInForce,
): Promise<number> {
  const custody = !before.custody
    ? NOTHING
    : await sql`
      update registry_custody k set valid_to = ${today}::date, updated_at = now()
      from registry_persons c
      where k.child_id = c.id and k.valid_to is null
        and exists (select 1 from import_listed i where i.kind = 'person' and i.key = c.personal_number)
        and not exists (
          select 1 from import_relations r join registry_persons g on g.personal_number = r.party
          where r.kind = 'custody' and r.subject = c.personal_number and g.id = k.guardian_id)`.execute(db);
  const signatories = !before.signatories
    ? NOTHING
    : await sql`
      update registry_signatories s set valid_to = ${today}::date, updated_at = now()
      from registry_organisations o
      where s.organisation_id = o.id and s.valid_to is null
        and exists (select 1 from import_listed i where i.kind = 'organisation' and i.key = o.organisation_number)
        and not exists (
          select 1 from import_relations r join registry_persons p on p.personal_number = r.party
          where r.kind = 'signatory' and r.subject = o.organisation_number and p.id = s.person_id)`.execute(
        db,
      );
  const owners = !before.owners
    ? NOTHING
    : await sql`
      update registry_property_owners w set valid_to = ${today}::date, updated_at = now()
      from registry_properties pr
      where w.property_id = pr.id and w.valid_to is null
        and exists (select 1 from import_listed i where i.kind = 'property' and i.key = pr.designation)
        and not exists (
          select 1 from import_relations r
          left join registry_persons p on r.kind = 'owner_person' and p.personal_number = r.party
          left join registry_organisations o on r.kind = 'owner_organisation' and o.organisation_number = r.party
          where r.subject = pr.designation and r.kind in ('owner_person', 'owner_organisation')
            and w.person_id is not distinct from p.id and w.organisation_id is not distinct from o.id
            and w.share_numerator = r.numerator and w.share_denominator = r.denominator)`.execute(db);
  return affected(custody, signatories, owners);
}

/**
 * A relation begun or ended in this import is a change to its subject — the child, the
 * organisation, the property — for the systems that keep in step by change time (the sync API).
 * Rows this transaction wrote carry its start time, `now()`.
 */
export async function touchRelationSubjects<DB>(db: Kysely<DB>): Promise<void> {
  await sql`update registry_persons set updated_at = now()
    where updated_at < now() and id in (select child_id from registry_custody where updated_at = now())`.execute(
    db,
  );
  await sql`update registry_organisations set updated_at = now()
    where updated_at < now()
      and id in (select organisation_id from registry_signatories where updated_at = now())`.execute(db);
  await sql`update registry_properties set updated_at = now()
    where updated_at < now()
      and id in (select property_id from registry_property_owners where updated_at = now())`.execute(db);
}

/** Refreshes the planner's statistics of the people, organisations and properties. */
export async function analyzeEntityTables<DB>(db: Kysely<DB>): Promise<void> {
  await sql`analyze registry_persons, registry_organisations, registry_properties`.execute(db);
}

/** Refreshes the planner's statistics of the tables an import writes. */
export async function analyzeRegisterTables<DB>(db: Kysely<DB>): Promise<void> {
  await sql`analyze registry_persons, registry_person_versions, registry_custody, registry_organisations,
    registry_signatories, registry_properties, registry_property_owners`.execute(db);
}
