import {
  type OwnedProperty,
  type PersonSearchHit,
  type RegistryPerson,
  type RelatedPerson,
  type RepresentedOrganisation,
  yearsBetween,
} from '@karna/contracts';
import { coordinatesOf } from './coordinates.ts';
import type { PersonRow, PersonWithRelationsRow, RelatedPersonRow } from './registry.repository.ts';

/**
 * Who is reading decides what a protected person's record shows: staff with the dedicated
 * permission (`revealProtected`) and the person themself (`selfId`) see it all; everyone else —
 * a relative included — sees the name and that the identity is protected, never the address, the
 * place or the relations.
 */
export interface Disclosure {
  revealProtected: boolean;
  /** The reader's own person id, when the reader is a citizen in the register. */
  selfId?: string;
  /** Today in Sweden (`YYYY-MM-DD`), for ages and the relations in force. */
  today: string;
}

export function isProtected(row: Pick<PersonRow, 'protection'>): boolean {
  return row.protection !== 'none';
}

/** Whether this reader may see the person's address, place and relations. */
export function mayDisclose(row: Pick<PersonRow, 'id' | 'protection'>, disclosure: Disclosure): boolean {
  return !isProtected(row) || disclosure.revealProtected || row.id === disclosure.selfId;
}

export function presentPerson(row: PersonRow, disclosure: Disclosure): RegistryPerson {
  const disclosed = mayDisclose(row, disclosure);
  const hasAddress = disclosed && row.street_address && row.postal_code && row.postal_town;
  return {
    id: row.id,
    personalNumber: row.personal_number,
    isCoordinationNumber: row.is_coordination_number,
    givenName: row.given_name,
    middleName: row.middle_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    age: yearsBetween(row.birth_date, row.deceased_on ?? disclosure.today),
    protection: row.protection,
    address: hasAddress
      ? {
          careOf: row.care_of,
          streetAddress: row.street_address ?? '',
          postalCode: row.postal_code ?? '',
          postalTown: row.postal_town ?? '',
          municipalityCode: row.municipality_code,
          countyCode: row.county_code,
        }
      : null,
    coordinates:
      disclosed && row.northing !== null && row.easting !== null
        ? coordinatesOf(row.northing, row.easting)
        : null,
    deceasedOn: row.deceased_on,
    emigratedOn: row.emigrated_on,
    contact: disclosed ? { phone: row.phone, email: row.email } : { phone: null, email: null },
  };
}

/** A relative: named, or — when protected and the reader may not see it — only "protected". */
export function presentRelated(row: RelatedPersonRow, disclosure: Disclosure): RelatedPerson {
  if (!mayDisclose(row, disclosure)) return { protected: true };
  return {
    protected: false,
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    age: yearsBetween(row.birth_date, disclosure.today),
  };
}

export function presentSearchHit(row: PersonRow, disclosure: Disclosure): PersonSearchHit {
  return {
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    birthDate: row.birth_date,
    postalTown: mayDisclose(row, disclosure) ? row.postal_town : null,
    protection: row.protection,
  };
}

export function presentOwnedProperty(row: PersonWithRelationsRow['properties'][number]): OwnedProperty {
  return {
    id: row.id,
    designation: row.designation,
    municipalityCode: row.municipality_code,
    areaSquareMetres: row.area_square_metres,
    share: { numerator: row.share_numerator, denominator: row.share_denominator },
    coordinates: coordinatesOf(row.northing, row.easting),
  };
}

export function presentOrganisation(
  row: PersonWithRelationsRow['organisations'][number],
): RepresentedOrganisation {
  return {
    id: row.id,
    organisationNumber: row.organisation_number,
    name: row.name,
    legalForm: row.legal_form,
  };
}
