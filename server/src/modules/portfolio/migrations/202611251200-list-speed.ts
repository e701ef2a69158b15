import { type Kysely, sql } from 'kysely';

/**
 * The portfolio list with thousands of systems (bench/portfolio-list.ts): the search reads one
 * lower-cased text kept by the database instead of lower-casing three columns on every row, and
 * the sort by number of users has an index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table portfolio_systems add column search_text text
    generated always as (lower(name || ' ' || coalesce(supplier, '') || ' ' || description)) stored`.execute(
    db,
  );
  await sql`create index portfolio_systems_user_count_idx on portfolio_systems (user_count, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index portfolio_systems_user_count_idx`.execute(db);
  await sql`alter table portfolio_systems drop column search_text`.execute(db);
}
