import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';

/**
 * The application portfolio's tables. Organisation units, staff and information types belong to
 * other modules (identity, registry) and are referenced by id value, without foreign keys.
 */

function timestamps<T extends string>(table: CreateTableBuilder<T>): CreateTableBuilder<T> {
  return table
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`));
}
const id = (column: ColumnDefinitionBuilder) => column.primaryKey().defaultTo(sql`gen_random_uuid()`);

const TIERS = `'gold', 'silver', 'bronze', 'copper'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // The tier policy (M3): what gold, silver, bronze and copper promise and cost.
  await timestamps(
    db.schema
      .createTable('portfolio_tiers')
      .addColumn('code', 'text', (column) => column.primaryKey().check(sql.raw(`code in (${TIERS})`)))
      .addColumn('rank', 'integer', (column) => column.notNull().unique())
      .addColumn('support_hours', 'text', (column) => column.notNull())
      .addColumn('availability_percent', 'double precision', (column) => column.notNull())
      .addColumn('rto_hours', 'double precision', (column) => column.notNull())
      .addColumn('rpo_hours', 'double precision', (column) => column.notNull())
      .addColumn('response_hours', 'double precision', (column) => column.notNull())
      .addColumn('fix_hours', 'double precision', (column) => column.notNull())
      .addColumn('review_interval_months', 'integer', (column) => column.notNull())
      .addColumn('price_weight', 'double precision', (column) => column.notNull()),
  ).execute();
  await sql`
    insert into portfolio_tiers (code, rank, support_hours, availability_percent, rto_hours, rpo_hours,
      response_hours, fix_hours, review_interval_months, price_weight)
    values
      ('gold', 1, 'Dygnet runt, alla dagar', 99.8, 4, 1, 0.5, 4, 12, 8),
      ('silver', 2, 'Vardagar 07–19', 99.5, 8, 4, 1, 8, 12, 4),
      ('bronze', 3, 'Vardagar 08–17', 99, 24, 24, 4, 24, 24, 2),
      ('copper', 4, 'Vardagar 08–17, bästa förmåga', 97, 72, 24, 8, 72, 36, 1)
  `.execute(db);

  // pm3 management objects (förvaltningsobjekt) and their yearly plans.
  await timestamps(
    db.schema
      .createTable('portfolio_management_objects')
      .addColumn('id', 'uuid', id)
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('description', 'text'),
  ).execute();
  await sql`create unique index portfolio_management_objects_name_idx on portfolio_management_objects (lower(name))`.execute(
    db,
  );
  await timestamps(
    db.schema
      .createTable('portfolio_management_plans')
      .addColumn('object_id', 'uuid', (column) =>
        column.notNull().references('portfolio_management_objects.id').onDelete('cascade'),
      )
      .addColumn('year', 'integer', (column) => column.notNull())
      .addColumn('maintenance_budget', 'bigint', (column) => column.notNull())
      .addColumn('development_budget', 'bigint', (column) => column.notNull())
      .addColumn('goals', 'text', (column) => column.notNull())
      .addColumn('decision_reference', 'text')
      .addPrimaryKeyConstraint('portfolio_management_plans_pk', ['object_id', 'year']),
  ).execute();

  await timestamps(
    db.schema
      .createTable('portfolio_systems')
      .addColumn('id', 'uuid', id)
      .addColumn('name', 'text', (column) => column.notNull())
      // Swedish order under `collate "C"` (å, ä, ö after z), written with the name: see swedishSortKey.
      .addColumn('name_sort', 'text', (column) => column.notNull())
      .addColumn('description', 'text', (column) => column.notNull())
      .addColumn('purpose', 'text', (column) => column.notNull())
      .addColumn('category', 'text', (column) =>
        column.notNull().check(sql`category in ('shared', 'department')`),
      )
      .addColumn('support_kind', 'text', (column) =>
        column.notNull().check(sql`support_kind in ('basic', 'differentiating', 'innovative')`),
      )
      // When the system got its support kind: an innovative system is a trial of at most six months.
      .addColumn('support_kind_since', 'date', (column) => column.notNull().defaultTo(sql`current_date`))
      .addColumn('lifecycle', 'text', (column) =>
        column
          .notNull()
          .check(sql`lifecycle in ('planned', 'introducing', 'operating', 'phasingOut', 'retired')`),
      )
      .addColumn('lifecycle_from', 'date', (column) => column.notNull())
      .addColumn('owning_board_id', 'uuid', (column) => column.notNull())
      .addColumn('user_count', 'integer')
      .addColumn('supplier', 'text')
      .addColumn('supplier_sort', 'text')
      .addColumn('contract_reference', 'text')
      .addColumn('hosting', 'text', (column) =>
        column.notNull().check(sql`hosting in ('ownDataCentre', 'supplier', 'cloud')`),
      )
      .addColumn('technical_platform', 'text')
      .addColumn('documentation_url', 'text')
      .addColumn('login_url', 'text')
      .addColumn('single_sign_on', 'boolean', (column) => column.notNull().defaultTo(false))
      .addColumn('central_access_administration', 'boolean', (column) => column.notNull().defaultTo(false))
      .addColumn('business_impact', 'smallint')
      .addColumn('reach', 'smallint')
      .addColumn('transaction_volume', 'smallint')
      .addColumn('assessed_tier', 'text', (column) => column.check(sql.raw(`assessed_tier in (${TIERS})`)))
      .addColumn('tier_override', 'text', (column) => column.check(sql.raw(`tier_override in (${TIERS})`)))
      .addColumn('tier_override_justification', 'text')
      // The tier in force (the override, else the assessment), kept for filtering and sorting.
      .addColumn('tier', 'text', (column) => column.check(sql.raw(`tier in (${TIERS})`)))
      .addColumn('functional_fit', 'smallint')
      .addColumn('technical_fit', 'smallint')
      .addColumn('time_verdict', 'text', (column) =>
        column.check(sql`time_verdict in ('tolerate', 'invest', 'migrate', 'eliminate')`),
      )
      .addColumn('management_object_id', 'uuid', (column) =>
        column.references('portfolio_management_objects.id').onDelete('set null'),
      )
      .addCheckConstraint(
        'portfolio_systems_override_justified',
        sql`(tier_override is null) = (tier_override_justification is null)`,
      ),
  ).execute();
  await sql`create unique index portfolio_systems_name_idx on portfolio_systems (lower(name))`.execute(db);
  await sql`create index portfolio_systems_name_sort_idx on portfolio_systems ((name_sort collate "C"), id)`.execute(
    db,
  );
  for (const column of ['owning_board_id', 'tier', 'lifecycle', 'updated_at']) {
    await db.schema
      .createIndex(`portfolio_systems_${column}_idx`)
      .on('portfolio_systems')
      .column(column)
      .execute();
  }

  await db.schema
    .createTable('portfolio_system_lifecycle')
    .addColumn('id', 'uuid', id)
    .addColumn('system_id', 'uuid', (column) =>
      column.notNull().references('portfolio_systems.id').onDelete('cascade'),
    )
    .addColumn('stage', 'text', (column) => column.notNull())
    .addColumn('from_date', 'date', (column) => column.notNull())
    .addColumn('recorded_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('portfolio_system_lifecycle_system_idx')
    .on('portfolio_system_lifecycle')
    .column('system_id')
    .execute();

  await db.schema
    .createTable('portfolio_system_usage')
    .addColumn('system_id', 'uuid', (column) =>
      column.notNull().references('portfolio_systems.id').onDelete('cascade'),
    )
    .addColumn('org_unit_id', 'uuid', (column) => column.notNull())
    .addPrimaryKeyConstraint('portfolio_system_usage_pk', ['system_id', 'org_unit_id'])
    .execute();
  await db.schema
    .createIndex('portfolio_system_usage_unit_idx')
    .on('portfolio_system_usage')
    .column('org_unit_id')
    .execute();

  // One dated role model for every governed object (M2): system, management object, information type.
  await timestamps(
    db.schema
      .createTable('portfolio_role_assignments')
      .addColumn('id', 'uuid', id)
      .addColumn('subject_type', 'text', (column) =>
        column.notNull().check(sql`subject_type in ('system', 'managementObject', 'informationType')`),
      )
      .addColumn('subject_id', 'uuid', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull())
      .addColumn('person_id', 'uuid', (column) => column.notNull())
      .addColumn('org_unit_id', 'uuid')
      .addColumn('work_share_percent', 'integer')
      .addColumn('valid_from', 'date', (column) => column.notNull())
      .addColumn('valid_to', 'date')
      .addColumn('accepted_at', 'timestamptz')
      .addColumn('assigned_by', 'uuid')
      .addCheckConstraint(
        'portfolio_role_assignments_dates',
        sql`valid_to is null or valid_to >= valid_from`,
      ),
  ).execute();
  await db.schema
    .createIndex('portfolio_role_assignments_subject_idx')
    .on('portfolio_role_assignments')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('portfolio_role_assignments_person_idx')
    .on('portfolio_role_assignments')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('portfolio_system_information')
    .addColumn('system_id', 'uuid', (column) =>
      column.notNull().references('portfolio_systems.id').onDelete('cascade'),
    )
    .addColumn('information_type_id', 'uuid', (column) => column.notNull())
    .addColumn('can_create', 'boolean', (column) => column.notNull())
    .addColumn('can_read', 'boolean', (column) => column.notNull())
    .addColumn('can_update', 'boolean', (column) => column.notNull())
    .addColumn('can_delete', 'boolean', (column) => column.notNull())
    .addPrimaryKeyConstraint('portfolio_system_information_pk', ['system_id', 'information_type_id'])
    .execute();
  await db.schema
    .createIndex('portfolio_system_information_type_idx')
    .on('portfolio_system_information')
    .column('information_type_id')
    .execute();

  // KLASSA classifications: each kept, the newest in force. Levels as label + rank under a model version.
  const aspects = ['confidentiality', 'integrity', 'availability', 'traceability'];
  let classifications = db.schema
    .createTable('portfolio_classifications')
    .addColumn('id', 'uuid', id)
    .addColumn('information_type_id', 'uuid', (column) => column.notNull())
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('model_version', 'text', (column) => column.notNull());
  for (const aspect of aspects) {
    classifications = classifications
      .addColumn(`${aspect}_label`, 'text', (column) => column.notNull())
      .addColumn(`${aspect}_rank`, 'smallint', (column) => column.notNull());
  }
  await classifications
    .addColumn('answers', 'jsonb', (column) => column.notNull())
    .addColumn('legal_bases', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('comment', 'text')
    .addColumn('classified_by', 'uuid')
    .addColumn('classified_by_name', 'text', (column) => column.notNull())
    .addColumn('classified_on', 'date', (column) => column.notNull())
    .addColumn('next_review_on', 'date', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('portfolio_classifications_type_idx')
    .on('portfolio_classifications')
    .columns(['information_type_id', 'created_at'])
    .execute();

  await timestamps(
    db.schema
      .createTable('portfolio_integrations')
      .addColumn('id', 'uuid', id)
      .addColumn('source_system_id', 'uuid', (column) =>
        column.notNull().references('portfolio_systems.id').onDelete('cascade'),
      )
      .addColumn('target_system_id', 'uuid', (column) =>
        column.notNull().references('portfolio_systems.id').onDelete('cascade'),
      )
      .addColumn('pattern', 'text', (column) =>
        column.notNull().check(sql`pattern in ('api', 'file', 'event', 'database')`),
      )
      .addColumn('protocol', 'text')
      .addColumn('format', 'text')
      .addColumn('frequency', 'text', (column) => column.notNull())
      .addColumn('platform', 'text')
      .addColumn('owner_org_unit_id', 'uuid')
      .addColumn('description', 'text')
      .addCheckConstraint('portfolio_integrations_two_systems', sql`source_system_id <> target_system_id`),
  ).execute();
  await db.schema
    .createIndex('portfolio_integrations_source_idx')
    .on('portfolio_integrations')
    .column('source_system_id')
    .execute();
  await db.schema
    .createIndex('portfolio_integrations_target_idx')
    .on('portfolio_integrations')
    .column('target_system_id')
    .execute();
  await db.schema
    .createTable('portfolio_integration_information')
    .addColumn('integration_id', 'uuid', (column) =>
      column.notNull().references('portfolio_integrations.id').onDelete('cascade'),
    )
    .addColumn('information_type_id', 'uuid', (column) => column.notNull())
    .addPrimaryKeyConstraint('portfolio_integration_information_pk', [
      'integration_id',
      'information_type_id',
    ])
    .execute();
  await db.schema
    .createIndex('portfolio_integration_information_type_idx')
    .on('portfolio_integration_information')
    .column('information_type_id')
    .execute();

  // Master-data designations (E3): the authoritative system per information type and scope, dated.
  await timestamps(
    db.schema
      .createTable('portfolio_master_data_designations')
      .addColumn('id', 'uuid', id)
      .addColumn('information_type_id', 'uuid', (column) => column.notNull())
      .addColumn('system_id', 'uuid', (column) => column.notNull().references('portfolio_systems.id'))
      .addColumn('scope_org_unit_id', 'uuid')
      .addColumn('valid_from', 'date', (column) => column.notNull())
      .addColumn('valid_to', 'date')
      .addColumn('decision_reference', 'text')
      .addColumn('decided_by', 'uuid')
      .addCheckConstraint('portfolio_designations_dates', sql`valid_to is null or valid_to >= valid_from`),
  ).execute();
  await db.schema
    .createIndex('portfolio_designations_type_idx')
    .on('portfolio_master_data_designations')
    .column('information_type_id')
    .execute();

  // User ratings (M6).
  await timestamps(
    db.schema
      .createTable('portfolio_rating_rounds')
      .addColumn('id', 'uuid', id)
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('opens_on', 'date', (column) => column.notNull())
      .addColumn('closes_on', 'date', (column) => column.notNull())
      .addCheckConstraint('portfolio_rating_rounds_dates', sql`closes_on >= opens_on`),
  ).execute();
  await timestamps(
    db.schema
      .createTable('portfolio_ratings')
      .addColumn('round_id', 'uuid', (column) =>
        column.notNull().references('portfolio_rating_rounds.id').onDelete('cascade'),
      )
      .addColumn('system_id', 'uuid', (column) =>
        column.notNull().references('portfolio_systems.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'uuid', (column) => column.notNull())
      .addColumn('score', 'smallint', (column) => column.notNull().check(sql`score between 1 and 5`))
      .addColumn('comment', 'text')
      .addPrimaryKeyConstraint('portfolio_ratings_pk', ['round_id', 'system_id', 'user_id']),
  ).execute();

  // A spreadsheet uploaded and waiting for its column mapping (M1 import); removed after a day.
  await db.schema
    .createTable('portfolio_imports')
    .addColumn('id', 'uuid', id)
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('uploaded_by', 'uuid')
    .addColumn('columns', 'jsonb', (column) => column.notNull())
    .addColumn('rows', 'jsonb', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'portfolio_imports',
    'portfolio_ratings',
    'portfolio_rating_rounds',
    'portfolio_master_data_designations',
    'portfolio_integration_information',
    'portfolio_integrations',
    'portfolio_classifications',
    'portfolio_system_information',
    'portfolio_role_assignments',
    'portfolio_system_usage',
    'portfolio_system_lifecycle',
    'portfolio_systems',
    'portfolio_management_plans',
    'portfolio_management_objects',
    'portfolio_tiers',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
