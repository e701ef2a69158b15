import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('open', 'in_progress', 'done')`),
    )
    // The unit and assignee are identity's ids; referenced by value, as modules own their tables.
    .addColumn('org_unit_id', 'uuid', (column) => column.notNull())
    .addColumn('assignee_id', 'uuid')
    .addColumn('due_at', 'timestamptz')
    .addColumn('source_module', 'text', (column) => column.notNull())
    .addColumn('source_reference', 'text', (column) => column.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('tasks_unit_idx').on('tasks').columns(['org_unit_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tasks').execute();
}
