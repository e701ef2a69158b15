import {
  type OwnedProperty,
  type PersonOverview,
  type PersonSearchHit,
  type RegistryPerson,
  type RepresentedOrganisation,
  swedishDate,
  yearsBetween,
} from '@karna/contracts';
import type { Kysely } from 'kysely';
import { findOrgUnitNames } from '../identity/index.ts';
import { findOpenCases } from './registry.extensions.ts';
import {
  type Disclosure,
  isProtected,
  mayDisclose,
  presentOrganisation,
  presentOwnedProperty,
  presentPerson,
  presentRelated,
  presentSearchHit,
} from './registry.presenters.ts';
import {
  findPersonByPersonalNumber,
  findPersonWithRelations,
  findPropertiesOwnedBy,
  type PersonRow,
  type PersonWithRelationsRow,
  searchUnprotectedPersonsByName,
} from './registry.repository.ts';
import { findRepresentable } from './registry.representation.ts';

/** Most people a name search answers with: enough to pick from, too few to harvest the register. */
export const NAME_SEARCH_LIMIT = 20;

export type PersonSearch =
  | { personalNumber: string }
  | { familyName: string; givenName?: string | undefined; birthYear: number };

/**
 * Finds people by personal number (one person, protected or not: the number is already known) or
 * by name and birth year (never a protected person).
 */
export async function searchPersons(
  db: Kysely<unknown>,
  search: PersonSearch,
  disclosure: Disclosure,
): Promise<{ hits: PersonSearchHit[]; rows: PersonRow[] }> {
  const rows =
    'personalNumber' in search
      ? [await findPersonByPersonalNumber(db, search.personalNumber)].filter((row) => row !== undefined)
      : await searchUnprotectedPersonsByName(db, search, NAME_SEARCH_LIMIT);
  return { hits: rows.map((row) => presentSearchHit(row, disclosure)), rows };
}

/**
 * Everything the municipality knows about a person, in one read (E2): the record, children in
 * custody and guardians, properties owned, organisations they may sign for, customer relations.
 * A protected person's relations, properties and organisations are left out unless the reader may
 * see them; a protected relative appears only as "protected".
 */
export async function personOverview(
  db: Kysely<unknown>,
  personId: string,
  disclosure: Disclosure,
): Promise<{ overview: PersonOverview; row: PersonRow } | undefined> {
  const found = await findPersonWithRelations(db, personId, disclosure.today);
  if (!found) return undefined;
  const { custody, properties, organisations, customer_relations: relations, ...row } = found;
  const disclosed = mayDisclose(row, disclosure);
  const unitNames = disclosed
    ? await findOrgUnitNames(
        db,
        relations.map((relation) => relation.org_unit_id),
      )
    : null;
  const overview: PersonOverview = {
    person: presentPerson(row, disclosure),
    children: disclosed ? presentCustody(custody, 'child', disclosure) : [],
    guardians: disclosed ? presentCustody(custody, 'guardian', disclosure) : [],
    properties: disclosed ? properties.map(presentOwnedProperty) : [],
    organisations: disclosed ? organisations.map(presentOrganisation) : [],
    openCases: disclosed ? await findOpenCases(db, row.id) : [],
    customerRelations: unitNames
      ? relations.map((relation) => ({
          orgUnitId: relation.org_unit_id,
          orgUnitName: unitNames.get(relation.org_unit_id) ?? '',
          relation: relation.relation,
          since: relation.valid_from,
        }))
      : [],
  };
  return { overview, row };
}

function presentCustody(
  custody: PersonWithRelationsRow['custody'],
  side: 'child' | 'guardian',
  disclosure: Disclosure,
) {
  return custody
    .filter((related) => related.side === side)
    .map((related) => presentRelated(related, disclosure));
}

/** What an e-service may fill in for the logged-in person, so the form never asks for it (B3). */
export interface Prefill {
  person: RegistryPerson;
  /** Minors in custody today whom the person may act for; a protected child is left out. */
  children: { id: string; givenName: string; familyName: string; birthDate: string; age: number }[];
  properties: OwnedProperty[];
  organisations: RepresentedOrganisation[];
}

export interface PrefillParts {
  children: boolean;
  properties: boolean;
  organisations: boolean;
}

const ALL_PREFILL_PARTS: PrefillParts = { children: true, properties: true, organisations: true };

/**
 * The register's facts about a person, for the e-services module to prefill a form with: name,
 * address, contact details, children in custody, properties owned and organisations they sign for.
 * Undefined when the person is not in the register (the form then asks).
 */
export async function prefillFor(
  db: Kysely<unknown>,
  personalNumber: string,
  /** The parts to read; a caller that checks a submitted form reads only what the form binds. */
  wanted: PrefillParts = ALL_PREFILL_PARTS,
  today: string = swedishDate(),
): Promise<Prefill | undefined> {
  const self = await findPersonByPersonalNumber(db, personalNumber);
  if (!self) return undefined;
  const disclosure = { revealProtected: false, selfId: self.id, today };
  const [representable, properties] = await Promise.all([
    findRepresentable(db, self, today, wanted),
    wanted.properties ? findPropertiesOwnedBy(db, { personId: self.id }, today) : [],
  ]);
  return {
    person: presentPerson(self, disclosure),
    children: representable.children
      .filter((child) => !isProtected(child))
      .map((child) => ({
        id: child.id,
        givenName: child.given_name,
        familyName: child.family_name,
        birthDate: child.birth_date,
        age: yearsBetween(child.birth_date, today),
      })),
    properties: properties.map(presentOwnedProperty),
    organisations: representable.organisations.map(presentOrganisation),
  };
}
