import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StaffRole } from '@karna/contracts';
import { type Kysely, sql } from 'kysely';
import {
  findOrgUnits,
  identityDb,
  insertOrgUnit,
  insertRoleAssignment,
  insertUser,
  SEEDS_DIR,
} from '../src/modules/identity/index.ts';
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
 * transaction with an audit entry.
 */
export async function seedDemoMunicipality(db: Kysely<unknown>, audit: AuditTrail): Promise<void> {
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
    await audit.append(trx, systemActor('karna seed'), NOT_A_REQUEST, {
      action: 'platform.demo.seed',
      outcome: 'success',
      details: { orgUnits: demoOrgUnits.length, staff: demoStaff.length, citizens: demoCitizens.length },
    });
  });
}

/** Empties the database completely (schema and all), so migrations and the seed can rebuild it. */
export async function wipeDatabase(db: Kysely<unknown>): Promise<void> {
  await sql`drop schema public cascade`.execute(db);
  await sql`create schema public`.execute(db);
}
