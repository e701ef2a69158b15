import { type Kysely, sql } from 'kysely';

/**
 * A submission row is written whole when its idempotency key is claimed: the case's id is chosen
 * before the case is registered, so the row is never updated afterwards, and a retry reads the
 * registration number from the case itself (one write less in the submit's transaction).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from service_submissions where case_id is null`.execute(db);
  await sql`alter table service_submissions alter column case_id set not null`.execute(db);
  await sql`alter table service_submissions drop column registration_number`.execute(db);
  await sql`alter table service_submissions drop column submitted_at`.execute(db);
  await sql`alter table service_submissions drop column expected_decision_by`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table service_submissions add column registration_number text`.execute(db);
  await sql`alter table service_submissions add column submitted_at timestamptz`.execute(db);
  await sql`alter table service_submissions add column expected_decision_by date`.execute(db);
  await sql`alter table service_submissions alter column case_id drop not null`.execute(db);
}
