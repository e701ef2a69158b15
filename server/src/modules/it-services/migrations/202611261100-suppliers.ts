import { type Kysely, sql } from 'kysely';

/**
 * Suppliers, their contracts and yearly spend (N7). The spend comes from the finance system's file,
 * one amount per supplier and year; the number of suppliers paid in a year is measured against a
 * baseline year and targets (MOL: −20 %, then −50 % of 2011's count).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table it_suppliers (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      organisation_number text not null unique check (organisation_number ~ '^[0-9]{10}$'),
      category text,
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index it_suppliers_name_idx on it_suppliers (lower(name))`.execute(db);
  await sql`
    create table it_contracts (
      id uuid primary key default gen_random_uuid(),
      supplier_id uuid not null references it_suppliers (id),
      title text not null,
      reference text,
      starts_on date not null,
      ends_on date check (ends_on is null or ends_on >= starts_on),
      notice_months integer not null check (notice_months >= 0),
      annual_value_ore bigint not null check (annual_value_ore >= 0),
      system_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index it_contracts_supplier_idx on it_contracts (supplier_id)`.execute(db);
  await sql`
    create table it_supplier_spend (
      supplier_id uuid not null references it_suppliers (id),
      year integer not null,
      amount_ore bigint not null check (amount_ore >= 0),
      imported_at timestamptz not null default now(),
      primary key (supplier_id, year)
    )`.execute(db);
  await sql`create index it_supplier_spend_year_idx on it_supplier_spend (year)`.execute(db);
  await sql`
    create table it_supplier_targets (
      baseline_year integer not null,
      year integer primary key,
      reduction_percent double precision not null check (reduction_percent between 0 and 100)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['it_supplier_targets', 'it_supplier_spend', 'it_contracts', 'it_suppliers']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
