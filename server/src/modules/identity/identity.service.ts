import {
  maskPersonalNumber,
  type OrgUnit,
  type OrgUnitKind,
  type Permission,
  type RoleAssignment,
  type SessionResponse,
  type StaffRole,
  type StaffUser,
} from '@karna/contracts';
import type { FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Actor, Grant } from '../../platform/http/access.ts';
import { authenticateApiKey } from './api-clients.service.ts';
import { identityError } from './identity.errors.ts';
import { can, grantRefusal, permissionsOf, rolePermissions } from './identity.policy.ts';
import {
  deleteRoleAssignment,
  findGrantsForUsers,
  findOrgUnitById,
  findOrgUnits,
  findStaffUsers,
  findUserById,
  type GrantRow,
  identityDb,
  insertRoleAssignment,
  type OrgUnitRow,
  type UserRow,
  upsertUserFromLogin,
} from './identity.repository.ts';
import type { VerifiedIdentity } from './oidc-login.service.ts';
import { SESSION_COOKIE, type SessionStore } from './sessions.service.ts';

/** Resolves the actor of a request: an API key in the Authorization header, else the session cookie. */
export async function authenticateRequest(
  db: Kysely<unknown>,
  sessions: SessionStore,
  request: FastifyRequest,
): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const client = await authenticateApiKey(db, authorization.slice('Bearer '.length).trim());
    return client
      ? { type: 'apiClient', clientId: client.clientId, displayName: client.name, grants: client.grants }
      : { type: 'anonymous' };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return { type: 'anonymous' };
  const session = await sessions.resolve(db, token);
  if (!session) return { type: 'anonymous' };
  const { user } = session;
  const grants =
    user.kind === 'staff' ? ((await findGrantsForUsers(identityDb(db), [user.id])).get(user.id) ?? []) : [];
  return {
    type: user.kind,
    userId: user.id,
    displayName: `${user.givenName} ${user.familyName}`,
    sessionId: session.id,
    sessionExpiresAt: new Date(
      Math.min(session.idleExpiresAt.getTime(), session.absoluteExpiresAt.getTime()),
    ),
    assuranceLevel: session.assuranceLevel,
    csrfToken: session.csrfToken,
    grants,
    personalNumber: user.kind === 'citizen' ? user.personalNumber : null,
    actingFor: user.kind === 'citizen' ? session.actingFor : null,
  };
}

/** Creates or refreshes the user a verified login names. */
export async function userFromLogin(db: Kysely<unknown>, identity: VerifiedIdentity): Promise<UserRow> {
  const now = new Date();
  if (identity.realm === 'citizen') {
    return upsertUserFromLogin(
      identityDb(db),
      {
        kind: 'citizen',
        personalNumber: identity.personalNumber,
        directorySubject: null,
        givenName: identity.givenName,
        familyName: identity.familyName,
        email: null,
      },
      now,
    );
  }
  return upsertUserFromLogin(
    identityDb(db),
    {
      kind: 'staff',
      personalNumber: null,
      directorySubject: identity.directorySubject,
      givenName: identity.givenName,
      familyName: identity.familyName,
      email: identity.email,
    },
    now,
  );
}

/** The session as the web app sees it: who, which roles, which permissions, the CSRF token. */
export async function describeSession(db: Kysely<unknown>, actor: Actor): Promise<SessionResponse> {
  if (actor.type !== 'citizen' && actor.type !== 'staff') return { authenticated: false };
  const tables = identityDb(db);
  const user = await findUserById(tables, actor.userId);
  if (!user) return { authenticated: false };
  return {
    authenticated: true,
    user: {
      id: user.id,
      kind: user.kind,
      givenName: user.givenName,
      familyName: user.familyName,
      ...(user.personalNumber ? { personalNumberMasked: maskPersonalNumber(user.personalNumber) } : {}),
      ...(user.email ? { email: user.email } : {}),
      roles: actor.grants.map(presentGrant),
      permissions: permissionsOf(actor),
      ...(actor.assuranceLevel ? { assuranceLevel: actor.assuranceLevel } : {}),
    },
    csrfToken: actor.csrfToken,
    expiresAt: actor.sessionExpiresAt.toISOString(),
    actingFor: actor.actingFor,
  };
}

function presentGrant(grant: Grant): RoleAssignment {
  return { role: grant.role as StaffRole, orgUnitId: grant.orgUnitId, orgUnitName: grant.orgUnitName };
}

export function presentOrgUnit(unit: OrgUnitRow): OrgUnit {
  return {
    id: unit.id,
    parentId: unit.parentId,
    kind: unit.kind as OrgUnitKind,
    name: unit.name,
    shortName: unit.shortName,
  };
}

export async function listOrgUnits(db: Kysely<unknown>): Promise<OrgUnit[]> {
  return (await findOrgUnits(identityDb(db))).map(presentOrgUnit);
}

const swedishOrder = new Intl.Collator('sv');

/**
 * Staff users with their roles, in Swedish alphabetical order by family name. With `reader`, only
 * what lies within the reader's `users.read` scope: the roles granted there, the users holding
 * them, and staff with no role at all yet (so that someone can give them their first one).
 */
export async function listStaffUsers(db: Kysely<unknown>, reader?: Actor): Promise<StaffUser[]> {
  const tables = identityDb(db);
  const users = await findStaffUsers(tables);
  const grants = await findGrantsForUsers(
    tables,
    users.map((user) => user.id),
  );
  return users
    .flatMap((user) => {
      const held = grants.get(user.id) ?? [];
      const visible = grantsVisibleTo(reader, held);
      return held.length === 0 || visible.length > 0 ? [presentStaffUser(user, visible)] : [];
    })
    .sort(
      (a, b) =>
        swedishOrder.compare(a.familyName, b.familyName) || swedishOrder.compare(a.givenName, b.givenName),
    );
}

/** The grants a reader may see: those within their `users.read` scope (all, for the platform itself). */
function grantsVisibleTo(reader: Actor | undefined, grants: GrantRow[]): GrantRow[] {
  return reader ? grants.filter((grant) => can(reader, 'users.read', grant.orgUnitPath)) : grants;
}

function presentStaffUser(user: UserRow, grants: GrantRow[]): StaffUser {
  return {
    id: user.id,
    givenName: user.givenName,
    familyName: user.familyName,
    email: user.email,
    roles: grants.map(presentGrant),
  };
}

/**
 * Grants or revokes a staff role, under the one grant rule (identity.policy.ts `grantRefusal`): an
 * administrator of one board cannot hand out roles in another, nor more than they hold.
 */
export async function changeRole(
  db: Kysely<unknown>,
  actor: Actor,
  change: { userId: string; role: StaffRole; orgUnitId: string; grant: boolean },
): Promise<{ user: StaffUser; changed: boolean }> {
  const tables = identityDb(db);
  const user = await findUserById(tables, change.userId);
  if (user?.kind !== 'staff') throw identityError('user_not_found');
  const unit = await findOrgUnitById(tables, change.orgUnitId);
  if (!unit) throw identityError('org_unit_not_found');
  const refusal = grantRefusal(actor, 'users.manageRoles', change.role, unit.path);
  if (refusal) throw identityError(refusal);
  const assignment = { userId: user.id, role: change.role, orgUnitId: unit.id };
  const changed = change.grant
    ? await insertRoleAssignment(tables, {
        ...assignment,
        grantedBy: actor.type === 'staff' ? actor.userId : null,
      })
    : await deleteRoleAssignment(tables, assignment);
  const grants = (await findGrantsForUsers(tables, [user.id])).get(user.id) ?? [];
  return { user: presentStaffUser(user, grantsVisibleTo(actor, grants)), changed };
}

/**
 * Staff who hold every one of the permissions for a unit (each through a role granted there or
 * above), by name in Swedish order: whom a case of that unit may be assigned to.
 */
export async function findStaffAbleTo(
  db: Kysely<unknown>,
  permissions: readonly Permission[],
  orgUnitPath: string,
): Promise<Array<{ id: string; name: string }>> {
  const tables = identityDb(db);
  const users = await findStaffUsers(tables);
  const grants = await findGrantsForUsers(
    tables,
    users.map((user) => user.id),
  );
  return users
    .filter((user) => {
      const held = (grants.get(user.id) ?? [])
        .filter((grant) => orgUnitPath.startsWith(grant.orgUnitPath))
        .flatMap((grant) => rolePermissions[grant.role as StaffRole] ?? []);
      return permissions.every((permission) => held.includes(permission));
    })
    .sort(
      (a, b) =>
        swedishOrder.compare(a.familyName, b.familyName) || swedishOrder.compare(a.givenName, b.givenName),
    )
    .map((user) => ({ id: user.id, name: `${user.givenName} ${user.familyName}` }));
}

/** Users' names ("Given Family") by id, for histories and assignees. */
export async function findUserNames(
  db: Kysely<unknown>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await identityDb(db)
    .selectFrom('users')
    .select(['id', 'given_name', 'family_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, `${row.given_name} ${row.family_name}`]));
}

/** A staff member as other modules show them beside a role they hold there. */
export interface StaffContact {
  id: string;
  name: string;
  email: string | null;
}

function toContact(row: {
  id: string;
  given_name: string;
  family_name: string;
  email: string | null;
}): StaffContact {
  return { id: row.id, name: `${row.given_name} ${row.family_name}`, email: row.email };
}

/** Staff members by id (citizens are never returned). */
export async function findStaffContacts(
  db: Kysely<unknown>,
  ids: readonly string[],
): Promise<Map<string, StaffContact>> {
  if (ids.length === 0) return new Map();
  const rows = await identityDb(db)
    .selectFrom('users')
    .select(['id', 'given_name', 'family_name', 'email'])
    .where('kind', '=', 'staff')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, toContact(row)]));
}

/** Staff members by e-mail address, compared without case (a spreadsheet's owner column). */
export async function findStaffByEmails(
  db: Kysely<unknown>,
  emails: readonly string[],
): Promise<Map<string, StaffContact>> {
  const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await identityDb(db)
    .selectFrom('users')
    .select(['id', 'given_name', 'family_name', 'email'])
    .where('kind', '=', 'staff')
    .where(sql<string>`lower(email)`, 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [(row.email ?? '').toLowerCase(), toContact(row)]));
}

/** Staff whose name or e-mail contains every word of `query`, at most `limit`, in Swedish order. */
export async function searchStaff(
  db: Kysely<unknown>,
  query: string,
  limit: number,
): Promise<StaffContact[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let select = identityDb(db)
    .selectFrom('users')
    .select(['id', 'given_name', 'family_name', 'email'])
    .where('kind', '=', 'staff');
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    select = select.where(
      sql<string>`lower(given_name || ' ' || family_name || ' ' || coalesce(email, ''))`,
      'like',
      pattern,
    );
  }
  const rows = await select.limit(limit).execute();
  return rows.map(toContact).sort((a, b) => swedishOrder.compare(a.name, b.name));
}
