import type { PersonOverview } from '@karna/contracts';
import type { Kysely } from 'kysely';
import { registryDb } from './registry.tables.ts';

/**
 * What other modules add to the register without the registry knowing them: a person's open cases
 * (the cases module answers for a person's id), customer relations (which department or municipal
 * company a person is a customer of), and the system the application portfolio designates as
 * authoritative for an information type.
 */

export type OpenCase = PersonOverview['openCases'][number];
export type OpenCasesSource = (db: Kysely<unknown>, personId: string) => Promise<OpenCase[]>;

let openCasesSource: OpenCasesSource | undefined;

/** The cases module registers how to find a person's open cases; until then the list is empty. */
export function setOpenCasesSource(source: OpenCasesSource | undefined): void {
  openCasesSource = source;
}

export async function findOpenCases(db: Kysely<unknown>, personId: string): Promise<OpenCase[]> {
  return openCasesSource ? openCasesSource(db, personId) : [];
}

/**
 * Records that a person is a customer of a unit (e.g. "elevhälsa" at the education department),
 * from the day given; an import or a module calls this, one relation per unit and kind.
 */
export async function addCustomerRelation(
  db: Kysely<unknown>,
  relation: { personId: string; orgUnitId: string; relation: string; source: string; validFrom: string },
): Promise<void> {
  await registryDb(db)
    .insertInto('registry_customer_relations')
    .values({
      person_id: relation.personId,
      org_unit_id: relation.orgUnitId,
      relation: relation.relation,
      source: relation.source,
      valid_from: relation.validFrom,
      valid_to: null,
    })
    .execute();
}

/** Ends a person's customer relation of a kind with a unit, on the day given. */
export async function endCustomerRelation(
  db: Kysely<unknown>,
  relation: { personId: string; orgUnitId: string; relation: string; validTo: string },
): Promise<void> {
  await registryDb(db)
    .updateTable('registry_customer_relations')
    .set({ valid_to: relation.validTo, updated_at: new Date() })
    .where('person_id', '=', relation.personId)
    .where('org_unit_id', '=', relation.orgUnitId)
    .where('relation', '=', relation.relation)
    .where('valid_to', 'is', null)
    .execute();
}

/** A person as a case names its parties: name, personal number and whether they are protected. */
export interface PartyPerson {
  id: string;
  givenName: string;
  familyName: string;
  personalNumber: string;
  protected: boolean;
}

/** The parties of cases, by person id (persons no longer in the register are left out). */
export async function findPartyPersons(db: Kysely<unknown>, ids: string[]): Promise<PartyPerson[]> {
  if (ids.length === 0) return [];
  const rows = await registryDb(db)
    .selectFrom('registry_persons')
    .select(['id', 'given_name', 'family_name', 'personal_number', 'protection'])
    .where('id', 'in', ids)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    givenName: row.given_name,
    familyName: row.family_name,
    personalNumber: row.personal_number,
    protected: row.protection !== 'none',
  }));
}

export type AuthoritativeSystem = { id: string; name: string };
export type AuthoritativeSystemSource = (
  db: Kysely<unknown>,
  informationTypeIds: readonly string[],
) => Promise<Map<string, AuthoritativeSystem>>;

let authoritativeSystemSource: AuthoritativeSystemSource | undefined;

/**
 * The portfolio registers how to find the system designated for the whole municipality today for
 * each information type; until then no type names one.
 */
export function setAuthoritativeSystemSource(source: AuthoritativeSystemSource | undefined): void {
  authoritativeSystemSource = source;
}

export async function findAuthoritativeSystems(
  db: Kysely<unknown>,
  informationTypeIds: readonly string[],
): Promise<Map<string, AuthoritativeSystem>> {
  if (!authoritativeSystemSource || informationTypeIds.length === 0) return new Map();
  return authoritativeSystemSource(db, informationTypeIds);
}
