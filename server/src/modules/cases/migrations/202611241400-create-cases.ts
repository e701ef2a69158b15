import { type Kysely, sql } from 'kysely';

/**
 * The cases module's tables. A case points at identity's units and users and the registry's
 * persons by id value, without foreign keys across modules (docs/ARCHITECTURE.md).
 */
const CREATE = `
    -- What a case of one e-service version needs for its whole life, kept as it was published:
    -- a new version gets a new row, so running cases never change under their officers (B2).
    create table case_kinds (
      id uuid primary key,
      service_slug text not null,
      service_title jsonb not null,
      version integer not null,
      org_unit_id uuid not null,
      case_type jsonb not null,
      process jsonb not null,
      promise_working_days integer not null check (promise_working_days > 0),
      -- What the completeness check looks for: the form's required fields and its attachment fields.
      completeness jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    -- One row per diarium series and year; its lock makes numbers gapless (a rolled-back
    -- registration gives its number back with the rollback).
    create table case_number_series (
      series text not null,
      year integer not null,
      last_number integer not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (series, year)
    );

    create table cases (
      id uuid primary key default gen_random_uuid(),
      registration_number text not null unique,
      series text not null,
      year integer not null,
      running_number integer not null,
      kind_id uuid not null references case_kinds (id),
      org_unit_id uuid not null,
      channel text not null check (channel in ('web', 'anonymous', 'staff')),
      status_code text not null,
      shared_status text not null
        check (shared_status in ('received', 'in_progress', 'waiting_for_you', 'decided', 'closed')),
      secret boolean not null default false,
      secrecy_ground text,
      applicant_user_id uuid,
      applicant_person_id uuid,
      concerns_person_id uuid,
      tracking_token_hash text unique,
      -- Where news of the case is mailed (the applicant's own choice on the form); never shown in lists.
      notify_email text,
      data jsonb not null,
      submitted_at timestamptz not null,
      due_date date not null,
      assignee_id uuid,
      decided_at timestamptz,
      closed_at timestamptz,
      process_status text not null default 'starting'
        check (process_status in ('starting', 'running', 'completed', 'failed')),
      process_state jsonb,
      active_elements text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (series, year, running_number)
    );
    -- The inbox: a unit's open cases by due date (keyset paging on (due_date, id)).
    create index cases_inbox_idx on cases (org_unit_id, due_date, id) where closed_at is null;
    create index cases_assignee_idx on cases (assignee_id, due_date, id) where closed_at is null;
    create index cases_applicant_idx on cases (applicant_person_id);
    create index cases_concerns_idx on cases (concerns_person_id) where concerns_person_id is not null;
    create index cases_kind_idx on cases (kind_id, submitted_at);

    create table case_status_changes (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id),
      status_code text not null,
      shared_status text not null,
      at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index case_status_changes_case_idx on case_status_changes (case_id, at);

    -- What happened in a case, in order: the case history and the events integrations will read.
    create table case_events (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id),
      type text not null,
      actor_id uuid,
      actor_name text,
      detail jsonb,
      at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index case_events_case_idx on case_events (case_id, at);

    create table case_documents (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id),
      kind text not null check (kind in ('attachment', 'receipt', 'decision', 'internal')),
      field text,
      file_name text not null,
      media_type text not null,
      size integer not null,
      sha256 text not null,
      content bytea not null,
      secret boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index case_documents_case_idx on case_documents (case_id);

    create table case_notes (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id),
      author_id uuid not null,
      author_name text not null,
      text text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index case_notes_case_idx on case_notes (case_id);

    -- A BPMN user task waiting for (or done by) an officer; mirrored in the tasks module's list.
    create table case_user_tasks (
      id uuid primary key default gen_random_uuid(),
      case_id uuid not null references cases (id),
      element_id text not null,
      kind text not null check (kind in ('task', 'decision')),
      status text not null check (status in ('open', 'done')),
      task_id uuid not null,
      output jsonb,
      completed_at timestamptz,
      completed_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index case_user_tasks_case_idx on case_user_tasks (case_id);

    create table case_decisions (
      case_id uuid primary key references cases (id),
      outcome text not null,
      justification text not null,
      appeal_information text not null,
      decided_at timestamptz not null,
      decided_by_id uuid,
      decided_by_name text,
      automatic boolean not null,
      document_id uuid references case_documents (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runEach(db, CREATE);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runEach(
    db,
    `drop table case_decisions;
  drop table case_user_tasks;
  drop table case_notes;
  drop table case_documents;
  drop table case_events;
  drop table case_status_changes;
  drop table cases;
  drop table case_number_series;
  drop table case_kinds;`,
  );
}

/** PGlite's extended protocol takes one statement at a time. */
async function runEach(db: Kysely<unknown>, statements: string): Promise<void> {
  for (const statement of statements.split(/;\s*$/m)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}
