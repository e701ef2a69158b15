import { type Kysely, sql } from 'kysely';

/**
 * `batch_id` says which import last wrote a row: provenance, written only by the import, in the
 * transaction that creates the batch, and batches are never deleted. As a foreign key it cost a
 * check per written row — a third of a full load's database time at a million people — and
 * guarded against nothing the import can do, so it is a plain column now.
 */
const TABLES = [
  'registry_persons',
  'registry_person_versions',
  'registry_custody',
  'registry_organisations',
  'registry_properties',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.ref(`${table}_batch_id_fkey`)}`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_batch_id_fkey`)}
      foreign key (batch_id) references registry_import_batches (id)`.execute(db);
  }
}
