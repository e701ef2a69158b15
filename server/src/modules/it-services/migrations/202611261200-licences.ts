import { type Kysely, sql } from 'kysely';

/**
 * Licence administration (N6): a pool per application, its assignments to staff members (dated;
 * a released one keeps its end date as history) and the last use the supplier reported. The person
 * is identity's user id, without a foreign key across modules. At most one open assignment per
 * person and pool, held by a partial unique index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table it_licence_pools (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      system_id uuid,
      supplier text not null,
      purchased integer not null check (purchased >= 0),
      unit_price_ore bigint not null check (unit_price_ore >= 0),
      renewal_on date,
      notes text,
      usage_imported_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index it_licence_pools_name_idx on it_licence_pools (lower(name))`.execute(db);
  await sql`
    create table it_licence_assignments (
      id uuid primary key default gen_random_uuid(),
      pool_id uuid not null references it_licence_pools (id),
      person_id uuid not null,
      from_on date not null,
      to_on date,
      last_used_on date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (to_on is null or to_on >= from_on)
    )`.execute(db);
  await sql`
    create unique index it_licence_assignments_open_idx
      on it_licence_assignments (pool_id, person_id) where to_on is null`.execute(db);
  await sql`
    create index it_licence_assignments_history_idx
      on it_licence_assignments (pool_id, to_on desc) where to_on is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table it_licence_assignments`.execute(db);
  await sql`drop table it_licence_pools`.execute(db);
}
