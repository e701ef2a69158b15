import type { Kysely } from 'kysely';

/** Whom a citizen acts for in a session (a child in custody, an organisation they sign for). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('acting_for', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('acting_for').execute();
}
