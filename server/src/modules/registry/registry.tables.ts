import type { ColumnType, Generated, Kysely } from 'kysely';

type Timestamps = {
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

/**
 * The transaction that last wrote a register row (xid8, read as text): the sync API's order of
 * commit (migration 202611241000). Set by the database, never written.
 */
type ChangeXid = { change_xid: ColumnType<string, never, never> };

/** A `date` column: read as `YYYY-MM-DD` (see the type parsers in platform/db), written as the same. */
type DateColumn = string;

export type Protection = 'none' | 'secrecy_marking' | 'protected_registration';

/** The registry module's own tables. Nothing else reads or writes them. */
export type RegistryTables = {
  registry_import_batches: Timestamps & {
    id: Generated<string>;
    file_name: string;
    file_sha256: string;
    kind: 'full' | 'change';
    file_created_at: Date | null;
    source: string | null;
    started_at: Date;
    finished_at: Date | null;
    added: Generated<number>;
    changed: Generated<number>;
    unchanged: Generated<number>;
    rejected: Generated<number>;
  };
  registry_persons: Timestamps &
    ChangeXid & {
      id: Generated<string>;
      personal_number: string;
      is_coordination_number: Generated<boolean>;
      birth_date: DateColumn;
      given_name: string;
      calling_name: string | null;
      middle_name: string | null;
      family_name: string;
      registered_since: DateColumn | null;
      registered_property: string | null;
      care_of: string | null;
      extra_address_line: string | null;
      street_address: string | null;
      postal_code: string | null;
      postal_town: string | null;
      municipality_code: string | null;
      county_code: string | null;
      northing: number | null;
      easting: number | null;
      protection: Generated<Protection>;
      protected_since: DateColumn | null;
      deceased_on: DateColumn | null;
      emigrated_on: DateColumn | null;
      emigrated_to: string | null;
      phone: string | null;
      email: string | null;
      contact_updated_at: Date | null;
      register_changed_at: Generated<Date>;
      /** Since when the row's register facts hold, and the change that made them. */
      facts_valid_from: DateColumn;
      facts_change_kind: string;
      batch_id: string | null;
    };
  /** What was true before: facts a change replaced, and the dates they held between. */
  registry_person_versions: {
    id: Generated<string>;
    person_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn;
    change_kind: string;
    facts: ColumnType<Record<string, unknown>, string, string>;
    batch_id: string | null;
    recorded_at: Generated<Date>;
  };
  registry_custody: Timestamps & {
    id: Generated<string>;
    guardian_id: string;
    child_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
    batch_id: string | null;
  };
  registry_organisations: Timestamps &
    ChangeXid & {
      id: Generated<string>;
      organisation_number: string;
      name: string;
      legal_form: string;
      register_changed_at: Generated<Date>;
      batch_id: string | null;
    };
  registry_signatories: Timestamps & {
    id: Generated<string>;
    organisation_id: string;
    person_id: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
  };
  registry_properties: Timestamps &
    ChangeXid & {
      id: Generated<string>;
      designation: string;
      municipality_code: string;
      area_square_metres: number | null;
      northing: number;
      easting: number;
      register_changed_at: Generated<Date>;
      batch_id: string | null;
    };
  registry_property_owners: Timestamps & {
    id: Generated<string>;
    property_id: string;
    person_id: string | null;
    organisation_id: string | null;
    share_numerator: number;
    share_denominator: number;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
  };
  registry_customer_relations: Timestamps & {
    id: Generated<string>;
    person_id: string;
    org_unit_id: string;
    relation: string;
    source: string;
    valid_from: DateColumn;
    valid_to: DateColumn | null;
  };
  registry_information_types: Timestamps & {
    id: Generated<string>;
    key: string;
    name_sv: string;
    name_en: string;
    description: string;
    source_system: string;
    source_system_ref: string | null;
    steward_org_unit_id: string | null;
    concepts: ColumnType<unknown[], string, string>;
  };
};

export type RegistryDb = Kysely<RegistryTables>;

export function registryDb(db: Kysely<unknown>): RegistryDb {
  return db.withTables<RegistryTables>();
}
