import { type Kysely, sql } from 'kysely';

/**
 * New register rows get time-ordered ids (UUID version 7, RFC 9562: 48 bits of Unix milliseconds,
 * then 74 random bits). A random id lands anywhere in its primary-key index, and in every index and
 * foreign-key check that carries it: at a million people, a full load spent most of its database
 * time fetching index pages that no longer fit in memory. Time-ordered ids are appended at the
 * index's right edge, and a household written together sits together. What the id gives away is
 * when Kärna wrote the row, which the row's `created_at` says already. PostgreSQL 18 has uuidv7();
 * until every supported server does, this function makes them (rows already written keep theirs).
 */
const TABLES = [
  'registry_import_batches',
  'registry_persons',
  'registry_person_versions',
  'registry_custody',
  'registry_organisations',
  'registry_signatories',
  'registry_properties',
  'registry_property_owners',
  'registry_customer_relations',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // A version-4 uuid with its first 48 bits replaced by the time, and its version nibble turned from
  // 0100 to 0111 (bits 52 and 53 of the bytes, counted from the least significant bit of each byte).
  await sql`
    create function registry_uuid_v7() returns uuid language sql volatile as $$
      select encode(
        set_bit(set_bit(
          overlay(uuid_send(gen_random_uuid())
            placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
            from 1 for 6),
          52, 1), 53, 1), 'hex')::uuid
    $$`.execute(db);
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} alter column id set default registry_uuid_v7()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} alter column id set default gen_random_uuid()`.execute(db);
  }
  await sql`drop function registry_uuid_v7()`.execute(db);
}
