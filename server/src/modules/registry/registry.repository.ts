import { CompiledQuery, type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import { type RegistryTables, registryDb } from './registry.tables.ts';

export type PersonRow = Selectable<RegistryTables['registry_persons']>;
export type PropertyRow = Selectable<RegistryTables['registry_properties']>;
export type OrganisationRow = Selectable<RegistryTables['registry_organisations']>;

/**
 * A relation (custody, signatory, ownership, customer relation) that holds on `day`, for a `where`:
 * begun on or before it, not ended by it.
 */
export function inForceOn(day: string, table: string): RawBuilder<boolean> {
  const from = sql.ref(`${table}.valid_from`);
  const to = sql.ref(`${table}.valid_to`);
  return sql<boolean>`${from} <= ${day} and (${to} is null or ${to} > ${day})`;
}

export async function findPersonByPersonalNumber(
  db: Kysely<unknown>,
  personalNumber: string,
): Promise<PersonRow | undefined> {
  return registryDb(db)
    .selectFrom('registry_persons')
    .selectAll()
    .where('personal_number', '=', personalNumber)
    .executeTakeFirst();
}

/** A relative in an overview: what its presenter needs, the protection among it. */
export type RelatedPersonRow = Pick<
  PersonRow,
  'id' | 'given_name' | 'family_name' | 'birth_date' | 'protection'
>;

/** A person's record with everything the overview shows beside it, each in force on the day asked. */
export interface PersonWithRelationsRow extends PersonRow {
  /** Children and guardians together, by birth date. */
  custody: (RelatedPersonRow & { side: 'child' | 'guardian' })[];
  properties: Pick<
    OwnershipRow,
    | 'id'
    | 'designation'
    | 'municipality_code'
    | 'area_square_metres'
    | 'northing'
    | 'easting'
    | 'share_numerator'
    | 'share_denominator'
  >[];
  organisations: Pick<OrganisationRow, 'id' | 'organisation_number' | 'name' | 'legal_form'>[];
  customer_relations: { org_unit_id: string; relation: string; valid_from: string }[];
}

/** inForceOn as text, for the overview's constant statement (its day is always `$2`). */
const IN_FORCE = (alias: string) =>
  `${alias}.valid_from <= $2::date and (${alias}.valid_to is null or ${alias}.valid_to > $2::date)`;

/**
 * The overview's one statement ($1 the person's id, $2 the day): the record, and its custody,
 * properties, organisations and customer relations as JSON arrays. One round trip instead of five,
 * and a constant text, so PostgreSQL prepares it once per connection (platform/db/prepared-statements).
 */
const PERSON_WITH_RELATIONS_SQL = `
select person.*,
  (select coalesce(json_agg(related order by related.birth_date), '[]')
     from (select 'child' as side, child.id, child.given_name, child.family_name, child.birth_date, child.protection
             from registry_custody custody join registry_persons child on child.id = custody.child_id
            where custody.guardian_id = person.id and ${IN_FORCE('custody')}
           union all
           select 'guardian', guardian.id, guardian.given_name, guardian.family_name, guardian.birth_date, guardian.protection
             from registry_custody custody join registry_persons guardian on guardian.id = custody.guardian_id
            where custody.child_id = person.id and ${IN_FORCE('custody')}) related) as custody,
  (select coalesce(json_agg(owned order by owned.designation), '[]')
     from (select property.id, property.designation, property.municipality_code, property.area_square_metres,
                  property.northing, property.easting, owner.share_numerator, owner.share_denominator
             from registry_property_owners owner join registry_properties property on property.id = owner.property_id
            where owner.person_id = person.id and ${IN_FORCE('owner')}) owned) as properties,
  (select coalesce(json_agg(signed order by signed.name), '[]')
     from (select organisation.id, organisation.organisation_number, organisation.name, organisation.legal_form
             from registry_signatories signatory
             join registry_organisations organisation on organisation.id = signatory.organisation_id
            where signatory.person_id = person.id and ${IN_FORCE('signatory')}) signed) as organisations,
  (select coalesce(json_agg(relations order by relations.valid_from), '[]')
     from (select customer.org_unit_id, customer.relation, customer.valid_from
             from registry_customer_relations customer
            where customer.person_id = person.id and ${IN_FORCE('customer')}) relations) as customer_relations
from registry_persons person
where person.id = $1`;

export async function findPersonWithRelations(
  db: Kysely<unknown>,
  personId: string,
  day: string,
): Promise<PersonWithRelationsRow | undefined> {
  const result = await db.executeQuery<PersonWithRelationsRow>(
    CompiledQuery.raw(PERSON_WITH_RELATIONS_SQL, [personId, day]),
  );
  return result.rows[0];
}

/**
 * People by family name (and given name, when given; both as a prefix, case-insensitive) born in
 * `birthYear`. Protected people are never in the answer, whoever asks: a name search must not
 * confirm that a protected person exists.
 */
export async function searchUnprotectedPersonsByName(
  db: Kysely<unknown>,
  search: { familyName: string; givenName?: string | undefined; birthYear: number },
  limit: number,
): Promise<PersonRow[]> {
  let query = registryDb(db)
    .selectFrom('registry_persons')
    .selectAll()
    .where('protection', '=', 'none')
    .where(sql<string>`lower(family_name)`, 'like', `${escapeLike(search.familyName.toLowerCase())}%`)
    .where('birth_date', '>=', `${search.birthYear}-01-01`)
    .where('birth_date', '<=', `${search.birthYear}-12-31`);
  if (search.givenName) {
    query = query.where(
      sql<string>`lower(given_name)`,
      'like',
      `${escapeLike(search.givenName.toLowerCase())}%`,
    );
  }
  return query.orderBy('family_name').orderBy('given_name').orderBy('birth_date').limit(limit).execute();
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The people a person has custody of, and those who have custody of them, on `day`, each with their
 * record: one statement, both directions of the relation joined to the people at its other end.
 */
export async function findCustodyOf(
  db: Kysely<unknown>,
  personId: string,
  day: string,
): Promise<{ children: PersonRow[]; guardians: PersonRow[] }> {
  const tables = registryDb(db);
  const related = (side: 'child' | 'guardian') =>
    tables
      .selectFrom('registry_custody')
      .innerJoin(
        'registry_persons',
        'registry_persons.id',
        side === 'child' ? 'registry_custody.child_id' : 'registry_custody.guardian_id',
      )
      .selectAll('registry_persons')
      .select(sql<'child' | 'guardian'>`${side}::text`.as('side'))
      .where(side === 'child' ? 'registry_custody.guardian_id' : 'registry_custody.child_id', '=', personId)
      .where(inForceOn(day, 'registry_custody'));
  const rows = await related('child').unionAll(related('guardian')).execute();
  const pick = (side: 'child' | 'guardian') =>
    rows
      .filter((row) => row.side === side)
      .map(({ side: _side, ...person }) => person)
      .sort((a, b) => a.birth_date.localeCompare(b.birth_date));
  return { children: pick('child'), guardians: pick('guardian') };
}

export interface OwnershipRow extends PropertyRow {
  share_numerator: number;
  share_denominator: number;
}

/** The properties an owner (a person or an organisation) holds a share of on `day`. */
export async function findPropertiesOwnedBy(
  db: Kysely<unknown>,
  owner: { personId: string } | { organisationId: string },
  day: string,
): Promise<OwnershipRow[]> {
  return registryDb(db)
    .selectFrom('registry_property_owners')
    .innerJoin('registry_properties', 'registry_properties.id', 'registry_property_owners.property_id')
    .selectAll('registry_properties')
    .select(['registry_property_owners.share_numerator', 'registry_property_owners.share_denominator'])
    .where(
      'personId' in owner ? 'registry_property_owners.person_id' : 'registry_property_owners.organisation_id',
      '=',
      'personId' in owner ? owner.personId : owner.organisationId,
    )
    .where(inForceOn(day, 'registry_property_owners'))
    .orderBy('registry_properties.designation')
    .execute();
}

/** The organisations a person may sign for on `day` (the companies register's signatories). */
export async function findOrganisationsSignedBy(
  db: Kysely<unknown>,
  personId: string,
  day: string,
): Promise<OrganisationRow[]> {
  return registryDb(db)
    .selectFrom('registry_signatories')
    .innerJoin('registry_organisations', 'registry_organisations.id', 'registry_signatories.organisation_id')
    .selectAll('registry_organisations')
    .where('registry_signatories.person_id', '=', personId)
    .where(inForceOn(day, 'registry_signatories'))
    .orderBy('registry_organisations.name')
    .execute();
}

export async function findOrganisationById(
  db: Kysely<unknown>,
  id: string,
): Promise<OrganisationRow | undefined> {
  return registryDb(db)
    .selectFrom('registry_organisations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The people who may sign for an organisation on `day`, by name. */
export async function findSignatoriesOf(
  db: Kysely<unknown>,
  organisationId: string,
  day: string,
): Promise<PersonRow[]> {
  return registryDb(db)
    .selectFrom('registry_signatories')
    .innerJoin('registry_persons', 'registry_persons.id', 'registry_signatories.person_id')
    .selectAll('registry_persons')
    .where('registry_signatories.organisation_id', '=', organisationId)
    .where(inForceOn(day, 'registry_signatories'))
    .orderBy('registry_persons.family_name')
    .orderBy('registry_persons.given_name')
    .execute();
}

/** Sets the contact details a person gave themself; returns the updated row. */
export async function updatePersonContact(
  db: Kysely<unknown>,
  personId: string,
  contact: { phone: string | null; email: string | null },
  now: Date,
): Promise<PersonRow | undefined> {
  return registryDb(db)
    .updateTable('registry_persons')
    .set({ phone: contact.phone, email: contact.email, contact_updated_at: now, updated_at: now })
    .where('id', '=', personId)
    .returningAll()
    .executeTakeFirst();
}
