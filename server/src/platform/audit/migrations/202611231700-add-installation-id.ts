import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * An identifier for this installation, named in every signed audit checkpoint, so a checkpoint can
 * never be taken for one of another installation's (and a verifier notices a swapped database).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_settings').addColumn('installation_id', 'uuid').execute();
  await sql`update audit_settings set installation_id = ${randomUUID()}`.execute(db);
  await db.schema
    .alterTable('audit_settings')
    .alterColumn('installation_id', (column) => column.setNotNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_settings').dropColumn('installation_id').execute();
}
