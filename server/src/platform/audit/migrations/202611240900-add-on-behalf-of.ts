import type { Kysely } from 'kysely';

/**
 * Whom the actor acted for (A5): a guardian for a child in custody, a signatory for an
 * organisation. Null when they acted for themself; entries written before this column existed
 * hash as they did, since an absent value is left out of the hashed fields.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('on_behalf_of', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('on_behalf_of').execute();
}
