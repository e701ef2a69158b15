import { type Kysely, sql } from 'kysely';

/**
 * The IT department's services: the catalog, orders (avrop) and chargeback runs. Systems (the
 * portfolio), organisation units and staff (identity) are referenced by id value, without foreign
 * keys across modules. Money is whole öre (`bigint`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table it_services (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      name_sort text not null,
      category text not null check (category in ('workplace', 'infrastructure', 'application', 'support', 'consulting')),
      summary text not null,
      included text not null,
      not_included text not null,
      how_to_order text not null,
      delivery_working_days integer not null check (delivery_working_days >= 0),
      how_to_report text not null,
      service_level text check (service_level in ('gold', 'silver', 'bronze', 'copper')),
      system_id uuid,
      price_model text not null check (price_model in ('monthlyPerUnit', 'oneOff', 'allocated')),
      price_ore bigint not null check (price_ore >= 0),
      unit text not null,
      driver_kind text,
      how_to_cancel text not null,
      cancellation_notice_days integer not null check (cancellation_notice_days >= 0),
      available_from date not null,
      available_to date check (available_to is null or available_to >= available_from),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (service_level is not null or system_id is not null),
      check ((price_model = 'allocated') = (driver_kind is not null))
    )`.execute(db);
  await sql`create unique index it_services_name_idx on it_services (lower(name))`.execute(db);

  // Orders: numbered per year (AV-2026-0001) from one sequence, so numbers never repeat.
  await sql`create sequence it_order_numbers`.execute(db);
  await sql`
    create table it_orders (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      service_id uuid not null references it_services (id),
      department_id uuid not null,
      quantity integer not null check (quantity > 0),
      cost_centre text not null,
      start_date date not null,
      end_date date check (end_date is null or end_date >= start_date - 1),
      note text,
      status text not null check (status in ('awaitingApproval', 'approved', 'rejected', 'delivered', 'cancelled')),
      ordered_by_id uuid,
      ordered_by_name text not null,
      ordered_at timestamptz not null default now(),
      decided_by_id uuid,
      decided_by_name text,
      decided_at timestamptz,
      rejection_reason text,
      promised_by date,
      delivered_on date,
      -- The foundation's task list: the orderer's approval, then IT's delivery.
      approval_task_id uuid,
      delivery_task_id uuid,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index it_orders_department_idx on it_orders (department_id, ordered_at desc)`.execute(db);
  await sql`create index it_orders_service_idx on it_orders (service_id)`.execute(db);

  // Cost pools (MOL 8.2): a year's amount of a cost type and category, and the models it follows.
  await sql`
    create table it_cost_pools (
      id uuid primary key default gen_random_uuid(),
      year integer not null,
      cost_type text not null,
      category text not null,
      annual_amount_ore bigint not null check (annual_amount_ore >= 0),
      models jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index it_cost_pools_name_idx on it_cost_pools (year, lower(cost_type), lower(category))`.execute(
    db,
  );

  // Imported driver quantities per month, department and kind (computers, users, connections …).
  await sql`
    create table it_driver_values (
      period text not null,
      department_id uuid not null,
      kind text not null,
      quantity double precision not null check (quantity >= 0),
      updated_at timestamptz not null default now(),
      primary key (period, department_id, kind)
    )`.execute(db);

  // Allocation runs: each run of a month is a new version; an approved run is never changed.
  await sql`
    create table it_allocation_runs (
      id uuid primary key default gen_random_uuid(),
      period text not null,
      version integer not null,
      status text not null check (status in ('proposed', 'approved', 'superseded', 'discarded')),
      previous_version_id uuid references it_allocation_runs (id),
      pupil_computer_weight double precision not null,
      distributed_ore bigint not null,
      retained_ore bigint not null,
      service_charges_ore bigint not null,
      line_count integer not null,
      created_by_id uuid,
      created_by_name text not null,
      created_at timestamptz not null default now(),
      approved_by_id uuid,
      approved_by_name text,
      approved_at timestamptz,
      unique (period, version)
    )`.execute(db);
  await sql`create unique index it_allocation_runs_one_approved on it_allocation_runs (period) where status = 'approved'`.execute(
    db,
  );
  await sql`
    create table it_allocation_lines (
      run_id uuid not null references it_allocation_runs (id),
      line_no integer not null,
      department_id uuid not null,
      kind text not null check (kind in ('pool', 'service')),
      pool_id uuid,
      cost_type text,
      category text,
      model integer,
      order_id uuid,
      order_number text,
      service_name text,
      cost_centre text,
      drivers jsonb not null,
      units double precision not null,
      total_units double precision not null,
      rate_ore double precision not null,
      days integer,
      amount_ore bigint not null check (amount_ore >= 0),
      rounding_ore integer not null,
      primary key (run_id, line_no)
    )`.execute(db);
  await sql`create index it_allocation_lines_department_idx on it_allocation_lines (run_id, department_id)`.execute(
    db,
  );
  await sql`
    create table it_allocation_retained (
      run_id uuid not null references it_allocation_runs (id),
      pool_id uuid not null,
      cost_type text not null,
      category text not null,
      amount_ore bigint not null,
      primary key (run_id, pool_id)
    )`.execute(db);

  // An approved run is immutable: its lines and retained parts cannot change, and the run itself
  // may only be superseded by a newer approved version. The database refuses anything else.
  await sql`
    create function it_allocation_runs_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status in ('approved', 'superseded') then
          raise exception 'an approved allocation run is never deleted';
        end if;
        return old;
      end if;
      if old.status in ('approved', 'superseded') then
        if not (old.status = 'approved' and new.status = 'superseded'
            and (to_jsonb(new) - 'status') = (to_jsonb(old) - 'status')) then
          raise exception 'an approved allocation run is never changed';
        end if;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger it_allocation_runs_immutable before update or delete on it_allocation_runs
    for each row execute function it_allocation_runs_guard()`.execute(db);
  // Lines are written once, with their run, while it is proposed: an update or delete of a line is
  // refused outright, and an insert is checked once per statement (a run has thousands of lines).
  await sql`
    create function it_allocation_parts_unchangeable() returns trigger language plpgsql as $$
    begin
      raise exception 'the lines of an allocation run are never changed';
    end $$`.execute(db);
  await sql`
    create function it_allocation_parts_insert_guard() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from it_allocation_runs run
                 where run.status <> 'proposed' and run.id in (select run_id from inserted)) then
        raise exception 'lines are added only to a proposed allocation run';
      end if;
      return null;
    end $$`.execute(db);
  for (const table of ['it_allocation_lines', 'it_allocation_retained']) {
    await sql`
      create trigger ${sql.raw(`${table}_unchangeable`)} before update or delete on ${sql.table(table)}
      for each row execute function it_allocation_parts_unchangeable()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_insert_guard`)} after insert on ${sql.table(table)}
      referencing new table as inserted
      for each statement execute function it_allocation_parts_insert_guard()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'it_allocation_retained',
    'it_allocation_lines',
    'it_allocation_runs',
    'it_driver_values',
    'it_cost_pools',
    'it_orders',
    'it_services',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`drop sequence it_order_numbers`.execute(db);
  await sql`drop function it_allocation_parts_insert_guard`.execute(db);
  await sql`drop function it_allocation_parts_unchangeable`.execute(db);
  await sql`drop function it_allocation_runs_guard`.execute(db);
}
