import type { Kysely } from 'kysely';

/**
 * A task may be restricted to those who hold a permission in its unit (a secret case's task is
 * listed only to officers who may read secret cases there).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('restricted_to', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('restricted_to').execute();
}
