import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { type StaffRole, swedishDate } from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import {
  findOrgUnits,
  identityDb,
  insertOrgUnit,
  insertRoleAssignment,
  insertUser,
  SEEDS_DIR,
} from '../src/modules/identity/index.ts';
import { type ItServicesSeed, seedItServices } from '../src/modules/it-services/index.ts';
import { type PortfolioSeed, seedPortfolio } from '../src/modules/portfolio/index.ts';
import {
  type DemoCitizen,
  generatePopulationFile,
  importPopulationFile,
} from '../src/modules/registry/index.ts';
import { demoServiceDefinitions, publishVersion } from '../src/modules/services/index.ts';
import { type AuditTrail, NOT_A_REQUEST, systemActor } from '../src/platform/audit/index.ts';
import type { Config } from '../src/platform/config.ts';

/** The demo municipality's people and organisation, as readable files beside this loader. */
interface OrgUnitSeed {
  key: string;
  parent: string | null;
  kind: string;
  name: string;
  shortName: string | null;
}
interface StaffSeed {
  subject: string;
  givenName: string;
  familyName: string;
  email: string;
  title: string;
  roles: { role: StaffRole; orgUnit: string }[];
}
interface CitizenSeed {
  personalNumber: string;
  givenName: string;
  familyName: string;
}

function readSeed<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(SEEDS_DIR, 'demo', file), 'utf8')) as T;
}

export const demoOrgUnits = readSeed<OrgUnitSeed[]>('org-units.json');
export const demoStaff = readSeed<StaffSeed[]>('staff.json');
export const demoCitizens = readSeed<CitizenSeed[]>('citizens.json');
/** The demo's application portfolio, and the staff who hold its roles (not in the login directory). */
/** The demo's IT service catalog, cost pools (MOL 8.2), drivers and the departments' orderers. */
export const demoItServices = readSeed<ItServicesSeed>('it-services.json');
export const demoPortfolio = readSeed<PortfolioSeed & { people: PortfolioPersonSeed[] }>('portfolio.json');

interface PortfolioPersonSeed {
  givenName: string;
  familyName: string;
  email: string;
  title: string;
  unit: string;
}

/** People in the demo population: enough for searches and lists to look real, quick to import. */
export const DEMO_POPULATION_SIZE = 2000;

/** Skatteverket's test numbers and the test identity provider's citizens: what the generator draws on. */
export function populationGeneratorInputs(): { testNumbers: string[]; demoCitizens: DemoCitizen[] } {
  const testNumbers = readFileSync(path.join(SEEDS_DIR, 'testpersonnummer.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { testNumbers, demoCitizens };
}

export class SeedRefusedError extends Error {}

/** Refuses demo data anywhere it could mix with real data. */
export function assertSeedingAllowed(config: Config): void {
  if (config.env === 'production') {
    throw new SeedRefusedError('The demo municipality is never seeded when KARNA_ENV=production.');
  }
}

/** True when the database holds no organisation yet (a fresh install). */
export async function isDatabaseEmpty(db: Kysely<unknown>): Promise<boolean> {
  return (await findOrgUnits(identityDb(db))).length === 0;
}

/**
 * Seeds the demo municipality "Mölnåls stad": its organisation tree, staff with roles (they log in
 * through the test directory) and citizens (Skatteverket's test personal identity numbers), in one
 * transaction with an audit entry; then its population register, imported from a generated file
 * in which the test identity provider's citizens live as families (so a citizen who logs in finds
 * themself, their children and their company). API tests leave the population out and write the
 * people they need.
 */
export async function seedDemoMunicipality(
  db: Kysely<unknown>,
  audit: AuditTrail,
  { population = true }: { population?: boolean } = {},
): Promise<void> {
  await seedOrganisationAndPeople(db, audit);
  if (population) await seedDemoPopulation(db, audit);
}

/** Generates the demo population (the same for a seed and a day) and imports it like a real file. */
export async function seedDemoPopulation(db: Kysely<unknown>, audit: AuditTrail): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'karna-demo-population-'));
  try {
    const file = path.join(dir, 'demo-population.xml');
    const stream = createWriteStream(file);
    await generatePopulationFile(
      stream,
      { persons: DEMO_POPULATION_SIZE, seed: 'mölnål', today: swedishDate() },
      populationGeneratorInputs(),
    );
    stream.end();
    await finished(stream);
    await importPopulationFile(db, audit, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function seedOrganisationAndPeople(db: Kysely<unknown>, audit: AuditTrail): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const tables = identityDb(trx);
    const unitIds = new Map<string, string>();
    for (const unit of demoOrgUnits) {
      const parentId = unit.parent ? unitIds.get(unit.parent) : null;
      if (parentId === undefined)
        throw new Error(`org unit ${unit.key} names an unknown parent ${unit.parent}`);
      const row = await insertOrgUnit(tables, {
        parentId,
        kind: unit.kind,
        name: unit.name,
        shortName: unit.shortName,
      });
      unitIds.set(unit.key, row.id);
    }
    for (const person of demoStaff) {
      const user = await insertUser(tables, {
        kind: 'staff',
        personalNumber: null,
        directorySubject: person.subject,
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email,
      });
      for (const grant of person.roles) {
        const orgUnitId = unitIds.get(grant.orgUnit);
        if (!orgUnitId) throw new Error(`staff ${person.email} names an unknown org unit ${grant.orgUnit}`);
        await insertRoleAssignment(tables, { userId: user.id, role: grant.role, orgUnitId, grantedBy: null });
      }
    }
    for (const citizen of demoCitizens) {
      await insertUser(tables, {
        kind: 'citizen',
        personalNumber: citizen.personalNumber,
        directorySubject: null,
        givenName: citizen.givenName,
        familyName: citizen.familyName,
        email: null,
      });
    }
    // The people who hold roles in the application portfolio, then the portfolio itself (M1–M7).
    for (const person of demoPortfolio.people) {
      await insertUser(tables, {
        kind: 'staff',
        personalNumber: null,
        directorySubject: `portfolio:${person.email}`,
        givenName: person.givenName,
        familyName: person.familyName,
        email: person.email,
      });
    }
    const portfolio = await seedPortfolio(trx, demoPortfolio, unitIds);
    // The IT services: catalog, a year of orders, cost pools and last month's approved run (N1–N4).
    const itServices = await seedItServices(trx, demoItServices, unitIds, {
      runBy: 'ivar.nilsson@molnal.example',
      approvedBy: 'jonas.ekberg@molnal.example',
      ticketReporters: [
        'anna.svensson@molnal.example',
        'karin.ek@molnal.example',
        'greta.lindqvist@molnal.example',
      ],
    });
    // The demo e-services, each published as version 1 (B1, B2).
    for (const { responsibleUnitKey, ...definition } of demoServiceDefinitions) {
      const responsibleOrgUnitId = unitIds.get(responsibleUnitKey);
      if (!responsibleOrgUnitId)
        throw new Error(`e-service ${definition.slug} names an unknown unit ${responsibleUnitKey}`);
      await publishVersion(trx, { ...definition, responsibleOrgUnitId });
    }
    await audit.append(trx, systemActor('karna seed'), NOT_A_REQUEST, {
      action: 'platform.demo.seed',
      outcome: 'success',
      details: {
        orgUnits: demoOrgUnits.length,
        staff: demoStaff.length,
        citizens: demoCitizens.length,
        eServices: demoServiceDefinitions.length,
        systems: portfolio.systems,
        integrations: portfolio.integrations,
        itServices: itServices.services,
        itOrders: itServices.orders,
        suppliers: itServices.suppliers,
      },
    });
  });
}

/** Empties the database completely (schema and all), so migrations and the seed can rebuild it. */
export async function wipeDatabase(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
