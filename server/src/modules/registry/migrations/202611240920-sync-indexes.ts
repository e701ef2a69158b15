import type { Kysely } from 'kysely';

/** The sync API reads each register in the order of its last change: `(updated_at, id)`. */
const TABLES = ['registry_persons', 'registry_organisations', 'registry_properties'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.createIndex(`${table}_updated_idx`).on(table).columns(['updated_at', 'id']).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.dropIndex(`${table}_updated_idx`).execute();
}
