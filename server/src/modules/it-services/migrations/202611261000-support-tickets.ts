import { type Kysely, sql } from 'kysely';

/**
 * Support tickets (N5): one point of contact for staff, first/second/third line, deadlines from the
 * service level. The tier and its support hours are copied onto the ticket when it is reported,
 * so a later change of the tier policy does not move a promise already made.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence it_ticket_numbers`.execute(db);
  await sql`
    create table it_tickets (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      summary text not null,
      description text not null,
      service_id uuid references it_services (id),
      system_id uuid,
      reporter_id uuid,
      reporter_name text not null,
      impact text not null check (impact in ('high', 'medium', 'low')),
      urgency text not null check (urgency in ('high', 'medium', 'low')),
      priority integer not null check (priority between 1 and 4),
      line integer not null check (line between 1 and 3),
      status text not null check (status in ('new', 'inProgress', 'resolved')),
      assignee_id uuid,
      assignee_name text,
      tier text not null check (tier in ('gold', 'silver', 'bronze', 'copper')),
      support_hours text not null,
      reported_at timestamptz not null default now(),
      response_due_at timestamptz not null,
      fix_due_at timestamptz not null,
      responded_at timestamptz,
      resolved_at timestamptz,
      resolution text,
      task_id uuid,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index it_tickets_reporter_idx on it_tickets (reporter_id, reported_at desc)`.execute(db);
  await sql`create index it_tickets_open_idx on it_tickets (status, fix_due_at)`.execute(db);
  await sql`create index it_tickets_reported_idx on it_tickets (reported_at)`.execute(db);
  await sql`
    create table it_ticket_events (
      id bigint generated always as identity primary key,
      ticket_id uuid not null references it_tickets (id),
      at timestamptz not null default now(),
      by_name text not null,
      kind text not null check (kind in ('reported', 'comment', 'taken', 'escalated', 'resolved', 'reopened')),
      text text,
      internal boolean not null default false
    )`.execute(db);
  await sql`create index it_ticket_events_ticket_idx on it_ticket_events (ticket_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table it_ticket_events`.execute(db);
  await sql`drop table it_tickets`.execute(db);
  await sql`drop sequence it_ticket_numbers`.execute(db);
}
