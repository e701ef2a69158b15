import { type Kysely, sql } from 'kysely';

const CREATE = `
  create table service_definitions (
    id uuid primary key default gen_random_uuid(),
    slug text not null unique,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  );

  -- Each published version is kept as it was (B2): a case points at the version it was made from.
  create table service_versions (
    id uuid primary key default gen_random_uuid(),
    service_id uuid not null references service_definitions (id),
    version integer not null,
    status text not null check (status in ('draft', 'published', 'retired')),
    definition jsonb not null,
    published_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (service_id, version)
  );
  create unique index service_versions_one_published on service_versions (service_id) where status = 'published';

  -- A form being filled in: a logged-in person's (owner_user_id), or an anonymous one's
  -- (token_hash: the SHA-256 of the secret only that browser holds).
  create table service_drafts (
    id uuid primary key default gen_random_uuid(),
    version_id uuid not null references service_versions (id),
    owner_user_id uuid,
    token_hash text,
    data jsonb not null,
    step text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((owner_user_id is null) <> (token_hash is null))
  );
  create index service_drafts_owner_idx on service_drafts (owner_user_id, updated_at) where owner_user_id is not null;

  create table service_attachments (
    id uuid primary key default gen_random_uuid(),
    draft_id uuid not null references service_drafts (id) on delete cascade,
    field text not null,
    file_name text not null,
    media_type text not null,
    size integer not null,
    sha256 text not null,
    content bytea not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  );
  create index service_attachments_draft_idx on service_attachments (draft_id);

  -- A submit's idempotency key: a retried submit finds its case here instead of making another.
  create table service_submissions (
    submitter text not null,
    idempotency_key uuid not null,
    case_id uuid,
    registration_number text,
    submitted_at timestamptz,
    expected_decision_by date,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (submitter, idempotency_key)
  );
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runEach(db, CREATE);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runEach(
    db,
    `drop table service_submissions;
  drop table service_attachments;
  drop table service_drafts;
  drop table service_versions;
  drop table service_definitions;`,
  );
}

/** PGlite's extended protocol takes one statement at a time. */
async function runEach(db: Kysely<unknown>, statements: string): Promise<void> {
  for (const statement of statements.split(/;\s*$/m)) {
    if (statement.trim()) await sql.raw(statement).execute(db);
  }
}
