import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { IdentityTables } from './identity.tables.ts';

/** The identity module's view of a database handle or transaction. */
export type IdentityDb = Kysely<IdentityTables>;

export function identityDb(db: Kysely<unknown>): IdentityDb {
  return db.withTables<IdentityTables>();
}

export interface OrgUnitRow {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  shortName: string | null;
  path: string;
}

export interface GrantRow {
  role: string;
  orgUnitId: string;
  orgUnitPath: string;
  orgUnitName: string;
}

const orgUnitColumns = ['id', 'parent_id', 'kind', 'name', 'short_name', 'path'] as const;

function toOrgUnit(
  row: Pick<Selectable<IdentityTables['org_units']>, (typeof orgUnitColumns)[number]>,
): OrgUnitRow {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    shortName: row.short_name,
    path: row.path,
  };
}

export async function findOrgUnits(db: IdentityDb): Promise<OrgUnitRow[]> {
  const rows = await db.selectFrom('org_units').select(orgUnitColumns).orderBy('path').execute();
  return rows.map(toOrgUnit);
}

/**
 * How long the organisation read by `cachedOrgUnits` is kept. Units are only added, by
 * `insertOrgUnit`, which starts a new generation; the time bounds what a change made outside the platform
 * (psql) or in another process takes to be seen.
 */
const ORG_UNITS_TTL_MS = 60_000;
const orgUnitCache = new WeakMap<
  Kysely<unknown>,
  { until: number; generation: number; units: Promise<readonly OrgUnitRow[]> }
>();
/** Counts the units added in this process: a cached tree from an earlier generation is read again. */
let orgUnitGeneration = 0;

/**
 * Every unit of the organisation, kept in memory between requests: access checks on hot lists
 * read the tree on every request (bench/portfolio-list.ts). Inside a transaction the table is read.
 */
export function cachedOrgUnits(db: Kysely<unknown>): Promise<readonly OrgUnitRow[]> {
  if (db.isTransaction) return findOrgUnits(identityDb(db));
  const now = Date.now();
  const cached = orgUnitCache.get(db);
  if (cached && cached.until > now && cached.generation === orgUnitGeneration) return cached.units;
  const units = findOrgUnits(identityDb(db));
  orgUnitCache.set(db, { until: now + ORG_UNITS_TTL_MS, generation: orgUnitGeneration, units });
  // A failed read is not kept.
  units.catch(() => orgUnitCache.delete(db));
  return units;
}

/** The names of the given units, by id (for other modules that show a unit they refer to). */
export async function findOrgUnitNames(
  db: Kysely<unknown>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await identityDb(db)
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function findOrgUnitById(db: IdentityDb, id: string): Promise<OrgUnitRow | undefined> {
  const row = await db.selectFrom('org_units').select(orgUnitColumns).where('id', '=', id).executeTakeFirst();
  return row && toOrgUnit(row);
}

/** Inserts a unit under its parent (or as a root), computing its materialised path. */
export async function insertOrgUnit(
  db: IdentityDb,
  unit: { parentId: string | null; kind: string; name: string; shortName: string | null },
): Promise<OrgUnitRow> {
  const id = randomUUID();
  const parent = unit.parentId ? await findOrgUnitById(db, unit.parentId) : undefined;
  if (unit.parentId && !parent) throw new Error(`parent org unit ${unit.parentId} does not exist`);
  const path = `${parent?.path ?? '/'}${id}/`;
  const row = await db
    .insertInto('org_units')
    .values({
      id,
      parent_id: unit.parentId,
      kind: unit.kind,
      name: unit.name,
      short_name: unit.shortName,
      path,
    })
    .returning(orgUnitColumns)
    .executeTakeFirstOrThrow();
  // A tree read by another request while this insert's transaction is still open may be kept
  // until its TTL ends.
  orgUnitGeneration += 1;
  return toOrgUnit(row);
}

export interface UserRow {
  id: string;
  kind: 'citizen' | 'staff';
  personalNumber: string | null;
  directorySubject: string | null;
  givenName: string;
  familyName: string;
  email: string | null;
}

export const userColumns = [
  'id',
  'kind',
  'personal_number',
  'directory_subject',
  'given_name',
  'family_name',
  'email',
] as const;

type UserColumns = Pick<Selectable<IdentityTables['users']>, (typeof userColumns)[number]>;

export function toUser(row: UserColumns): UserRow {
  return {
    id: row.id,
    kind: row.kind,
    personalNumber: row.personal_number,
    directorySubject: row.directory_subject,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
  };
}

export type NewUser = Omit<UserRow, 'id'>;

function userValues(user: NewUser) {
  return {
    kind: user.kind,
    personal_number: user.personalNumber,
    directory_subject: user.directorySubject,
    given_name: user.givenName,
    family_name: user.familyName,
    email: user.email,
  };
}

export async function findUserById(db: IdentityDb, id: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/**
 * Creates or refreshes a user from what the identity provider vouched for at login: citizens are
 * keyed by personal number, staff by the directory's subject.
 */
export async function upsertUserFromLogin(db: IdentityDb, user: NewUser, now: Date): Promise<UserRow> {
  const values = { ...userValues(user), last_login_at: now };
  const conflictColumn = user.kind === 'citizen' ? 'personal_number' : 'directory_subject';
  const row = await db
    .insertInto('users')
    .values(values)
    .onConflict((conflict) =>
      conflict.column(conflictColumn).doUpdateSet({
        given_name: user.givenName,
        family_name: user.familyName,
        email: user.email,
        last_login_at: now,
        updated_at: now,
      }),
    )
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/** Adds a user known in advance (the demo seed, a directory import): staff or citizen. */
export async function insertUser(db: IdentityDb, user: NewUser): Promise<UserRow> {
  const row = await db
    .insertInto('users')
    .values(userValues(user))
    .returning(userColumns)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findStaffUserByEmail(db: IdentityDb, email: string): Promise<UserRow | undefined> {
  const row = await db
    .selectFrom('users')
    .select(userColumns)
    .where('kind', '=', 'staff')
    .where('email', '=', email)
    .executeTakeFirst();
  return row && toUser(row);
}

export async function findStaffUsers(db: IdentityDb): Promise<UserRow[]> {
  const rows = await db.selectFrom('users').select(userColumns).where('kind', '=', 'staff').execute();
  return rows.map(toUser);
}

export async function findGrantsForUsers(
  db: IdentityDb,
  userIds: string[],
): Promise<Map<string, GrantRow[]>> {
  const grants = new Map<string, GrantRow[]>();
  if (userIds.length === 0) return grants;
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('org_units', 'org_units.id', 'role_assignments.org_unit_id')
    .select([
      'role_assignments.user_id as userId',
      'role_assignments.role as role',
      'org_units.id as orgUnitId',
      'org_units.path as orgUnitPath',
      'org_units.name as orgUnitName',
    ])
    .where('role_assignments.user_id', 'in', userIds)
    .orderBy('org_units.path')
    .orderBy('role_assignments.role')
    .execute();
  for (const { userId, ...grant } of rows) {
    const list = grants.get(userId) ?? [];
    list.push(grant);
    grants.set(userId, list);
  }
  return grants;
}

export async function insertRoleAssignment(
  db: IdentityDb,
  assignment: { userId: string; role: string; orgUnitId: string; grantedBy: string | null },
): Promise<boolean> {
  const result = await db
    .insertInto('role_assignments')
    .values({
      user_id: assignment.userId,
      role: assignment.role,
      org_unit_id: assignment.orgUnitId,
      granted_by: assignment.grantedBy,
    })
    .onConflict((conflict) => conflict.columns(['user_id', 'role', 'org_unit_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteRoleAssignment(
  db: IdentityDb,
  assignment: { userId: string; role: string; orgUnitId: string },
): Promise<boolean> {
  const result = await db
    .deleteFrom('role_assignments')
    .where('user_id', '=', assignment.userId)
    .where('role', '=', assignment.role)
    .where('org_unit_id', '=', assignment.orgUnitId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
