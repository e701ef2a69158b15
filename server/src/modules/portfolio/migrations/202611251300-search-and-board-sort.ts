import { type Kysely, sql } from 'kysely';

/**
 * The list with thousands of systems (bench/portfolio-list.ts), part two.
 *
 * Substring search over the portfolio's lower-cased search text through a trigram index
 * (bench/portfolio-list.ts): `like '%word%'` becomes a bitmap index scan instead of a test of every
 * row. pg_trgm is a trusted extension, so the database's owner may create it; PGlite loads it at
 * start (EMBEDDED_EXTENSIONS in platform/db/database.ts).
 *
 * The sort by owning board reads each board's systems in name order: the index on the board alone
 * becomes one on (board, name, id), which also serves every lookup by board.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create index portfolio_systems_search_text_trgm
    on portfolio_systems using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`drop index portfolio_systems_owning_board_id_idx`.execute(db);
  await sql`create index portfolio_systems_board_name_idx
    on portfolio_systems (owning_board_id, (name_sort collate "C"), id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index portfolio_systems_board_name_idx`.execute(db);
  await sql`create index portfolio_systems_owning_board_id_idx on portfolio_systems (owning_board_id)`.execute(
    db,
  );
  await sql`drop index portfolio_systems_search_text_trgm`.execute(db);
}
