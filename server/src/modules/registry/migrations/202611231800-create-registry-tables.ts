import { type Kysely, sql } from 'kysely';

/**
 * The registry: persons from the population register (Navet), custody, properties and their owners
 * (a Lantmäteriet stand-in), organisations and their signatories (a Bolagsverket stand-in),
 * customer relations, master-data designations and import batches.
 *
 * History: a person's register facts are kept current in `registry_persons` and every change adds a
 * row to `registry_person_versions` with the date it took effect, so what was true before, and from
 * when, stays readable. Relations (custody, ownership, signatory) carry their own from/to dates and
 * are ended, never deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const timestamps = (table: ReturnType<typeof db.schema.createTable>) =>
    table
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`));

  await timestamps(
    db.schema
      .createTable('registry_import_batches')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('file_name', 'text', (column) => column.notNull())
      .addColumn('file_sha256', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull().check(sql`kind in ('full', 'change')`))
      .addColumn('file_created_at', 'timestamptz')
      .addColumn('source', 'text')
      .addColumn('started_at', 'timestamptz', (column) => column.notNull())
      .addColumn('finished_at', 'timestamptz')
      .addColumn('added', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('changed', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('unchanged', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('rejected', 'integer', (column) => column.notNull().defaultTo(0)),
  ).execute();

  await timestamps(
    db.schema
      .createTable('registry_persons')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('personal_number', 'text', (column) =>
        column.notNull().unique().check(sql`personal_number ~ '^[0-9]{12}$'`),
      )
      .addColumn('is_coordination_number', 'boolean', (column) => column.notNull().defaultTo(false))
      .addColumn('birth_date', 'date', (column) => column.notNull())
      // All given names (förnamn), and the one the person is called by (tilltalsnamn) when known.
      .addColumn('given_name', 'text', (column) => column.notNull())
      .addColumn('calling_name', 'text')
      .addColumn('middle_name', 'text')
      .addColumn('family_name', 'text', (column) => column.notNull())
      // The registration (folkbokföring): since when, on which property; and the postal address,
      // empty for protected registration.
      .addColumn('registered_since', 'date')
      .addColumn('registered_property', 'text')
      .addColumn('care_of', 'text')
      .addColumn('extra_address_line', 'text')
      .addColumn('street_address', 'text')
      .addColumn('postal_code', 'text', (column) => column.check(sql`postal_code ~ '^[0-9]{5}$'`))
      .addColumn('postal_town', 'text')
      .addColumn('municipality_code', 'text', (column) => column.check(sql`municipality_code ~ '^[0-9]{4}$'`))
      .addColumn('county_code', 'text', (column) => column.check(sql`county_code ~ '^[0-9]{2}$'`))
      // SWEREF 99 TM (EPSG:3006), metres; WGS84 is computed when shown.
      .addColumn('northing', 'double precision')
      .addColumn('easting', 'double precision')
      .addColumn('protection', 'text', (column) =>
        column
          .notNull()
          .defaultTo('none')
          .check(sql`protection in ('none', 'secrecy_marking', 'protected_registration')`),
      )
      .addColumn('protected_since', 'date')
      .addColumn('deceased_on', 'date')
      .addColumn('emigrated_on', 'date')
      .addColumn('emigrated_to', 'text')
      // Contact details the person gave themself (not from the register).
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('contact_updated_at', 'timestamptz')
      // When a register fact last changed: what `changed-since` synchronisation follows.
      .addColumn('register_changed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('batch_id', 'uuid', (column) => column.references('registry_import_batches.id')),
  ).execute();
  await sql`create index registry_persons_name_idx on registry_persons (lower(family_name), lower(given_name))`.execute(
    db,
  );
  await db.schema
    .createIndex('registry_persons_birth_date_idx')
    .on('registry_persons')
    .column('birth_date')
    .execute();
  await db.schema
    .createIndex('registry_persons_changed_idx')
    .on('registry_persons')
    .columns(['register_changed_at', 'id'])
    .execute();

  await db.schema
    .createTable('registry_person_versions')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (column) =>
      column.notNull().references('registry_persons.id').onDelete('cascade'),
    )
    // The date the facts took effect (the event's date in the file, else the import's date).
    .addColumn('valid_from', 'date', (column) => column.notNull())
    .addColumn('change_kind', 'text', (column) => column.notNull())
    .addColumn('facts', 'jsonb', (column) => column.notNull())
    .addColumn('batch_id', 'uuid', (column) => column.references('registry_import_batches.id'))
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('registry_person_versions_person_idx')
    .on('registry_person_versions')
    .columns(['person_id', 'valid_from'])
    .execute();

  await timestamps(
    db.schema
      .createTable('registry_custody')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('guardian_id', 'uuid', (column) => column.notNull().references('registry_persons.id'))
      .addColumn('child_id', 'uuid', (column) => column.notNull().references('registry_persons.id'))
      .addColumn('valid_from', 'date', (column) => column.notNull())
      .addColumn('valid_to', 'date')
      .addColumn('batch_id', 'uuid', (column) => column.references('registry_import_batches.id'))
      .addCheckConstraint('registry_custody_not_self', sql`guardian_id <> child_id`)
      .addCheckConstraint('registry_custody_dates', sql`valid_to is null or valid_to >= valid_from`)
      .addUniqueConstraint('registry_custody_unique', ['guardian_id', 'child_id', 'valid_from']),
  ).execute();
  await db.schema
    .createIndex('registry_custody_child_idx')
    .on('registry_custody')
    .column('child_id')
    .execute();

  await timestamps(
    db.schema
      .createTable('registry_organisations')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('organisation_number', 'text', (column) =>
        column.notNull().unique().check(sql`organisation_number ~ '^[0-9]{10}$'`),
      )
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('legal_form', 'text', (column) => column.notNull())
      .addColumn('register_changed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('batch_id', 'uuid', (column) => column.references('registry_import_batches.id')),
  ).execute();

  await timestamps(
    db.schema
      .createTable('registry_signatories')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('organisation_id', 'uuid', (column) =>
        column.notNull().references('registry_organisations.id'),
      )
      .addColumn('person_id', 'uuid', (column) => column.notNull().references('registry_persons.id'))
      .addColumn('valid_from', 'date', (column) => column.notNull())
      .addColumn('valid_to', 'date')
      .addUniqueConstraint('registry_signatories_unique', ['organisation_id', 'person_id', 'valid_from']),
  ).execute();
  await db.schema
    .createIndex('registry_signatories_person_idx')
    .on('registry_signatories')
    .column('person_id')
    .execute();

  await timestamps(
    db.schema
      .createTable('registry_properties')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      // The property designation (fastighetsbeteckning), e.g. `KÅLLERED 1:23`.
      .addColumn('designation', 'text', (column) => column.notNull().unique())
      .addColumn('municipality_code', 'text', (column) =>
        column.notNull().check(sql`municipality_code ~ '^[0-9]{4}$'`),
      )
      .addColumn('area_square_metres', 'double precision')
      .addColumn('northing', 'double precision', (column) => column.notNull())
      .addColumn('easting', 'double precision', (column) => column.notNull())
      .addColumn('register_changed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
      .addColumn('batch_id', 'uuid', (column) => column.references('registry_import_batches.id')),
  ).execute();

  await timestamps(
    db.schema
      .createTable('registry_property_owners')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('property_id', 'uuid', (column) => column.notNull().references('registry_properties.id'))
      .addColumn('person_id', 'uuid', (column) => column.references('registry_persons.id'))
      .addColumn('organisation_id', 'uuid', (column) => column.references('registry_organisations.id'))
      .addColumn('share_numerator', 'integer', (column) => column.notNull().check(sql`share_numerator > 0`))
      .addColumn('share_denominator', 'integer', (column) =>
        column.notNull().check(sql`share_denominator >= share_numerator`),
      )
      .addColumn('valid_from', 'date', (column) => column.notNull())
      .addColumn('valid_to', 'date')
      .addCheckConstraint(
        'registry_property_owners_one_owner',
        sql`(person_id is null) <> (organisation_id is null)`,
      ),
  ).execute();
  await db.schema
    .createIndex('registry_property_owners_property_idx')
    .on('registry_property_owners')
    .column('property_id')
    .execute();
  await db.schema
    .createIndex('registry_property_owners_person_idx')
    .on('registry_property_owners')
    .column('person_id')
    .execute();

  await timestamps(
    db.schema
      .createTable('registry_customer_relations')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('person_id', 'uuid', (column) => column.notNull().references('registry_persons.id'))
      // The department or municipal company (identity's org unit, by value: no foreign key across modules).
      .addColumn('org_unit_id', 'uuid', (column) => column.notNull())
      .addColumn('relation', 'text', (column) => column.notNull())
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('valid_from', 'date', (column) => column.notNull())
      .addColumn('valid_to', 'date'),
  ).execute();
  await db.schema
    .createIndex('registry_customer_relations_person_idx')
    .on('registry_customer_relations')
    .column('person_id')
    .execute();

  await timestamps(
    db.schema
      .createTable('registry_information_types')
      .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
      .addColumn('key', 'text', (column) => column.notNull().unique().check(sql`key ~ '^[a-z][a-zA-Z]*$'`))
      .addColumn('name_sv', 'text', (column) => column.notNull())
      .addColumn('name_en', 'text', (column) => column.notNull())
      .addColumn('description', 'text', (column) => column.notNull())
      // The authoritative source: a system's name, and a reference the application portfolio can resolve.
      .addColumn('source_system', 'text', (column) => column.notNull())
      .addColumn('source_system_ref', 'text')
      .addColumn('steward_org_unit_id', 'uuid')
      .addColumn('concepts', 'jsonb', (column) => column.notNull().defaultTo(sql`'[]'::jsonb`)),
  ).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'registry_information_types',
    'registry_customer_relations',
    'registry_property_owners',
    'registry_properties',
    'registry_signatories',
    'registry_organisations',
    'registry_custody',
    'registry_person_versions',
    'registry_persons',
    'registry_import_batches',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
