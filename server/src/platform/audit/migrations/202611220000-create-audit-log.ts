import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { GENESIS_HASH } from '../audit.hash.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (column) => column.primaryKey())
    .addColumn('id', 'uuid', (column) => column.notNull().unique())
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull())
    .addColumn('actor_type', 'text', (column) => column.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('resource_type', 'text')
    .addColumn('resource_id', 'text')
    .addColumn('subject_personal_number_hmac', 'text')
    .addColumn('purpose', 'text')
    .addColumn('request_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('details', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('prev_hash', 'text', (column) => column.notNull())
    .addColumn('hash', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_subject_idx')
    .on('audit_log')
    .column('subject_personal_number_hmac')
    .execute();
  await db.schema
    .createIndex('audit_log_actor_idx')
    .on('audit_log')
    .columns(['actor_type', 'actor_id'])
    .execute();
  await db.schema.createIndex('audit_log_occurred_at_idx').on('audit_log').column('occurred_at').execute();

  // One row that every writer locks: it serialises appends so the chain has exactly one tail.
  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
    .addColumn('last_seq', 'bigint', (column) => column.notNull())
    .addColumn('last_hash', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, ${GENESIS_HASH})`.execute(
    db,
  );

  await db.schema
    .createTable('audit_settings')
    .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
    .addColumn('personal_number_key', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  const key = randomBytes(32).toString('base64');
  await sql`insert into audit_settings (id, personal_number_key) values (1, ${key})`.execute(db);

  // Append-only: the database itself refuses to change or remove an audit row.
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await sql`drop function if exists audit_log_refuse_change()`.execute(db);
  await db.schema.dropTable('audit_chain_head').execute();
  await db.schema.dropTable('audit_settings').execute();
}
