import { type Kysely, sql } from 'kysely';

/**
 * The portfolio list with thousands of systems (bench/portfolio-list.ts): the search reads one
 * lower-cased text kept by the database instead of lower-casing three columns on every row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table portfolio_systems add column search_text text
    generated always as (lower(name || ' ' || coalesce(supplier, '') || ' ' || description)) stored`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table portfolio_systems drop column search_text`.execute(db);
}
