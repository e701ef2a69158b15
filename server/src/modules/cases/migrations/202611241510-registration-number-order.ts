import { type Kysely, sql } from 'kysely';

/**
 * The inbox's registration-number sort orders by `registration_number collate "C"` (see sortKey in
 * cases.views.ts), so its index is built on that expression: the planner then reads the unit's
 * open cases in order from it instead of walking the table-wide unique index and filtering.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_inbox_number_idx`.execute(db);
  await sql`create index cases_inbox_number_idx on cases (org_unit_id, (registration_number collate "C"), id)
            where closed_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_inbox_number_idx`.execute(db);
  await sql`create index cases_inbox_number_idx on cases (org_unit_id, registration_number, id)
            where closed_at is null`.execute(db);
}
