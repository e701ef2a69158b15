import { type Kysely, sql } from 'kysely';

/**
 * The figures behind IT cost as a share of turnover (P4): the municipality's and each department's
 * turnover and own IT costs per year, entered from the annual accounts, and the reference value
 * (the national average) the user enters. `unit_id` is the municipality (the organisation's root)
 * or a department, by id value.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table it_cost_figures (
      year integer not null,
      unit_id uuid not null,
      turnover_ore bigint not null check (turnover_ore >= 0),
      own_it_cost_ore bigint not null default 0 check (own_it_cost_ore >= 0),
      national_average_percent double precision,
      updated_at timestamptz not null default now(),
      primary key (year, unit_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table it_cost_figures`.execute(db);
}
