import { type Kysely, sql } from 'kysely';

/** The standard assortment (M8): equipment and platform components with a status, and which systems run on which. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('portfolio_components')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('name_sort', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) =>
      column.notNull().check(sql`kind in ('equipment', 'platform', 'software')`),
    )
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('standard', 'allowed', 'phasingOut', 'notAllowed')`),
    )
    .addColumn('description', 'text')
    .addColumn('replaced_by_id', 'uuid', (column) =>
      column.references('portfolio_components.id').onDelete('set null'),
    )
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index portfolio_components_name_idx on portfolio_components (lower(name))`.execute(
    db,
  );
  await db.schema
    .createTable('portfolio_system_components')
    .addColumn('system_id', 'uuid', (column) =>
      column.notNull().references('portfolio_systems.id').onDelete('cascade'),
    )
    .addColumn('component_id', 'uuid', (column) =>
      column.notNull().references('portfolio_components.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('portfolio_system_components_pk', ['system_id', 'component_id'])
    .execute();
  await db.schema
    .createIndex('portfolio_system_components_component_idx')
    .on('portfolio_system_components')
    .column('component_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('portfolio_system_components').execute();
  await db.schema.dropTable('portfolio_components').execute();
}
