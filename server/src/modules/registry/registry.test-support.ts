import { parsePersonalNumber } from '@karna/contracts';
import type { Kysely } from 'kysely';
import type { PersonRow } from './registry.repository.ts';
import { type Protection, registryDb } from './registry.tables.ts';

// Factories for registry tests: rows written straight into the module's tables.

export interface PersonFixture {
  personalNumber: string;
  givenName: string;
  familyName: string;
  protection?: Protection;
  address?: { streetAddress: string; postalCode: string; postalTown: string } | null;
}

export async function insertPerson(db: Kysely<unknown>, fixture: PersonFixture): Promise<PersonRow> {
  const parsed = parsePersonalNumber(fixture.personalNumber);
  if (!parsed.ok) throw new Error('a fixture personal number must be valid');
  const address =
    fixture.address === undefined
      ? { streetAddress: 'Storgatan 1', postalCode: '43130', postalTown: 'Mölndal' }
      : fixture.address;
  return registryDb(db)
    .insertInto('registry_persons')
    .values({
      personal_number: parsed.value.normalized,
      is_coordination_number: parsed.value.kind === 'coordination',
      birth_date: parsed.value.birthDate,
      given_name: fixture.givenName,
      calling_name: null,
      middle_name: null,
      family_name: fixture.familyName,
      registered_since: null,
      registered_property: null,
      care_of: null,
      extra_address_line: null,
      street_address: address?.streetAddress ?? null,
      postal_code: address?.postalCode ?? null,
      postal_town: address?.postalTown ?? null,
      municipality_code: '1483',
      county_code: '14',
      northing: address ? 6_395_000 : null,
      easting: address ? 322_000 : null,
      protection: fixture.protection ?? 'none',
      protected_since: fixture.protection && fixture.protection !== 'none' ? '2020-01-01' : null,
      deceased_on: null,
      emigrated_on: null,
      emigrated_to: null,
      phone: null,
      email: null,
      contact_updated_at: null,
      facts_valid_from: parsed.value.birthDate,
      facts_change_kind: 'registered',
      batch_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertCustody(
  db: Kysely<unknown>,
  guardian: PersonRow,
  child: PersonRow,
  dates: { from?: string; to?: string | null } = {},
): Promise<void> {
  await registryDb(db)
    .insertInto('registry_custody')
    .values({
      guardian_id: guardian.id,
      child_id: child.id,
      valid_from: dates.from ?? child.birth_date,
      valid_to: dates.to ?? null,
      batch_id: null,
    })
    .execute();
}

export async function insertProperty(
  db: Kysely<unknown>,
  property: { designation: string; owners: { person: PersonRow; numerator: number; denominator: number }[] },
): Promise<string> {
  const tables = registryDb(db);
  const row = await tables
    .insertInto('registry_properties')
    .values({
      designation: property.designation,
      municipality_code: '1483',
      area_square_metres: 812,
      northing: 6_395_120.5,
      easting: 322_410.25,
      batch_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const owner of property.owners) {
    await tables
      .insertInto('registry_property_owners')
      .values({
        property_id: row.id,
        person_id: owner.person.id,
        organisation_id: null,
        share_numerator: owner.numerator,
        share_denominator: owner.denominator,
        valid_from: '2010-01-01',
        valid_to: null,
      })
      .execute();
  }
  return row.id;
}

export async function insertOrganisation(
  db: Kysely<unknown>,
  organisation: { organisationNumber: string; name: string; legalForm: string; signatories: PersonRow[] },
): Promise<string> {
  const tables = registryDb(db);
  const row = await tables
    .insertInto('registry_organisations')
    .values({
      organisation_number: organisation.organisationNumber,
      name: organisation.name,
      legal_form: organisation.legalForm,
      batch_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const person of organisation.signatories) {
    await tables
      .insertInto('registry_signatories')
      .values({ organisation_id: row.id, person_id: person.id, valid_from: '2015-01-01', valid_to: null })
      .execute();
  }
  return row.id;
}

export async function insertInformationType(db: Kysely<unknown>, key: string): Promise<string> {
  const row = await registryDb(db)
    .insertInto('registry_information_types')
    .values({
      key,
      name_sv: key,
      name_en: key,
      description: 'Testtyp.',
      source_system: 'Kärna',
      source_system_ref: null,
      steward_org_unit_id: null,
      concepts: JSON.stringify([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The people registry tests meet: Elin (a demo citizen) with two children, one protected, and a stranger. */
export interface LindqvistFamily {
  elin: PersonRow;
  oskar: PersonRow;
  /** Elin's protected child (skyddad folkbokföring: no address). */
  saga: PersonRow;
  /** Pia Holm, no relation of theirs. */
  stranger: PersonRow;
  /** Lindqvist Bygg AB, which Elin signs for. */
  companyId: string;
}

export async function insertLindqvistFamily(
  db: Kysely<unknown>,
  elinNumber: string,
): Promise<LindqvistFamily> {
  const elin = await insertPerson(db, {
    personalNumber: elinNumber,
    givenName: 'Elin',
    familyName: 'Lindqvist',
  });
  const oskar = await insertPerson(db, {
    personalNumber: '201605012382',
    givenName: 'Oskar',
    familyName: 'Lindqvist',
  });
  const saga = await insertPerson(db, {
    personalNumber: '201605032380',
    givenName: 'Saga',
    familyName: 'Lindqvist',
    protection: 'protected_registration',
    address: null,
  });
  const stranger = await insertPerson(db, {
    personalNumber: '198003012385',
    givenName: 'Pia',
    familyName: 'Holm',
  });
  await insertCustody(db, elin, oskar);
  await insertCustody(db, elin, saga);
  const companyId = await insertOrganisation(db, {
    organisationNumber: '5560000003',
    name: 'Lindqvist Bygg AB',
    legalForm: 'AB',
    signatories: [elin],
  });
  return { elin, oskar, saga, stranger, companyId };
}
