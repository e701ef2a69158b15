import {
  type PortfolioRole,
  type PortfolioRoleAssignment,
  type PortfolioRoleAssignmentInput,
  portfolioRolesBySubject,
  type RoleSubjectType,
} from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import { findStaffContacts } from '../identity/index.ts';
import { findInformationTypes } from '../registry/index.ts';
import { forbidden, type PortfolioAccess } from './portfolio.access.ts';
import { portfolioError } from './portfolio.errors.ts';
import { ACTIVE_STAGES, addDays } from './portfolio.rules.ts';
import { type PortfolioTables, portfolioDb } from './portfolio.tables.ts';

/**
 * One dated role model for every governed object (M2): a person holds a role for a system, a pm3
 * management object or an information type from one date to another. Roles that are one person's
 * at a time (owner, owner's representative, manager …) may not overlap: a successor from a later
 * date ends the holder's open-ended role the day before; an active system always keeps its system
 * owner; the owner accepts the role before the system is introduced (M7).
 */

type AssignmentRow = Selectable<PortfolioTables['portfolio_role_assignments']>;

/** Roles held by one person at a time for an object. */
const SINGLE_HOLDER: ReadonlySet<PortfolioRole> = new Set([
  'systemOwner',
  'systemOwnerDelegate',
  'systemManager',
  'objectOwner',
  'objectManagerBusiness',
  'objectManagerIt',
  'informationOwner',
]);

/** Valid on `day`: begun, and not yet ended. */
function validOn(day: string) {
  return sql<boolean>`valid_from <= ${day} and (valid_to is null or valid_to >= ${day})`;
}

export interface CurrentOwner {
  assignmentId: string;
  personId: string;
  personName: string;
  personEmail: string | null;
  acceptedAt: Date | null;
}

/** Each system's owner on `day`, by system id. */
export async function currentOwners(
  db: Kysely<unknown>,
  systemIds: readonly string[],
  day: string,
): Promise<Map<string, CurrentOwner>> {
  const owners = new Map<string, CurrentOwner>();
  if (systemIds.length === 0) return owners;
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_role_assignments')
    .select(['id', 'subject_id', 'person_id', 'accepted_at'])
    .where('subject_type', '=', 'system')
    .where('role', '=', 'systemOwner')
    .where('subject_id', 'in', [...new Set(systemIds)])
    .where(validOn(day))
    .execute();
  const people = await findStaffContacts(
    db,
    rows.map((row) => row.person_id),
  );
  for (const row of rows) {
    owners.set(row.subject_id, {
      assignmentId: row.id,
      personId: row.person_id,
      personName: people.get(row.person_id)?.name ?? '',
      personEmail: people.get(row.person_id)?.email ?? null,
      acceptedAt: row.accepted_at,
    });
  }
  return owners;
}

export async function presentAssignments(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  rows: readonly AssignmentRow[],
): Promise<PortfolioRoleAssignment[]> {
  const people = await findStaffContacts(
    db,
    rows.map((row) => row.person_id),
  );
  const order = [
    ...portfolioRolesBySubject.system,
    ...portfolioRolesBySubject.managementObject,
    ...portfolioRolesBySubject.informationType,
  ];
  return [...rows]
    .sort(
      (a, b) =>
        order.indexOf(a.role as PortfolioRole) - order.indexOf(b.role as PortfolioRole) ||
        b.valid_from.localeCompare(a.valid_from),
    )
    .map((row) => {
      const person = people.get(row.person_id);
      return {
        id: row.id,
        subjectType: row.subject_type as RoleSubjectType,
        subjectId: row.subject_id,
        role: row.role as PortfolioRole,
        person: { id: row.person_id, name: person?.name ?? '', email: person?.email ?? null },
        orgUnit: row.org_unit_id
          ? { id: row.org_unit_id, name: access.unitName(row.org_unit_id) ?? '' }
          : null,
        workSharePercent: row.work_share_percent,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        acceptedAt: row.accepted_at?.toISOString() ?? null,
      };
    });
}

export async function assignmentsOf(
  db: Kysely<unknown>,
  subjectType: RoleSubjectType,
  subjectIds: readonly string[],
): Promise<AssignmentRow[]> {
  if (subjectIds.length === 0) return [];
  return portfolioDb(db)
    .selectFrom('portfolio_role_assignments')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', 'in', [...new Set(subjectIds)])
    .execute();
}

/** The assignments valid on `day`. */
export function heldOn(rows: readonly AssignmentRow[], day: string): AssignmentRow[] {
  return rows.filter((row) => row.valid_from <= day && (row.valid_to === null || row.valid_to >= day));
}

/**
 * What a system lacks today by the rules of M2 and MOL 8.3: an active system without an owner,
 * or whose owner has not accepted; a gold or silver system without a full-time system manager; an
 * active system without an IT-side custodian.
 */
export function roleGaps(
  system: { lifecycle: string; tier: string | null },
  heldToday: readonly AssignmentRow[],
): string[] {
  if (!ACTIVE_STAGES.includes(system.lifecycle as never)) return [];
  const gaps: string[] = [];
  const owner = heldToday.find((row) => row.role === 'systemOwner');
  if (!owner) gaps.push('noSystemOwner');
  else if (!owner.accepted_at) gaps.push('ownerNotAccepted');
  if (system.tier === 'gold' || system.tier === 'silver') {
    const manager = heldToday.find((row) => row.role === 'systemManager');
    if (!manager) gaps.push('noSystemManager');
    else if ((manager.work_share_percent ?? 0) < 100) gaps.push('managerNotFullTime');
  }
  if (!heldToday.some((row) => row.role === 'systemCustodian')) gaps.push('noSystemCustodian');
  return gaps;
}

/** Locks the object the roles are for and checks that the caller may give them. */
/**
 * Separation of duties on a system (M2): besides the IT department, who may appoint or end each
 * role. A role is given by one above it in the system's governance, never by its peers or those
 * below: a system manager cannot make someone the owner's representative. Who owns a system is
 * the IT department's record of a board's decision, and the custodian is IT's own role.
 */
const APPOINTED_BY: Partial<Record<PortfolioRole, readonly PortfolioRole[]>> = {
  systemOwner: [],
  systemCustodian: [],
  systemOwnerDelegate: ['systemOwner'],
  systemManager: ['systemOwner', 'systemOwnerDelegate'],
  systemAdministrator: ['systemOwner', 'systemOwnerDelegate', 'systemManager', 'systemCustodian'],
  superUser: ['systemOwner', 'systemOwnerDelegate', 'systemManager', 'systemCustodian'],
};

/** Roles one person may not hold on the same system at the same time: the business's and IT's sides. */
const CONFLICTING_ROLES: readonly (readonly [PortfolioRole, PortfolioRole])[] = [
  ['systemOwner', 'systemCustodian'],
];

/** The roles on a system the actor may appoint and end. */
export function appointableRoles(
  access: PortfolioAccess,
  system: { id: string; owning_board_id: string },
): PortfolioRole[] {
  const roles = portfolioRolesBySubject.system;
  if (access.manages(system.owning_board_id)) return [...roles];
  if (!access.canEdit(system)) return [];
  const held = access.rolesOn(system.id);
  return roles.filter((role) => (APPOINTED_BY[role] ?? []).some((appointer) => held.has(appointer)));
}

function assertMayAppoint(access: PortfolioAccess, systemId: string, role: PortfolioRole): void {
  const appointers = APPOINTED_BY[role] ?? [];
  if (appointers.length === 0) throw portfolioError('reserved_for_it_department');
  const held = access.rolesOn(systemId);
  if (!appointers.some((appointer) => held.has(appointer))) throw portfolioError('role_above_yours');
}

async function lockSubject(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  subjectType: RoleSubjectType,
  subjectId: string,
  role: PortfolioRole,
): Promise<{ owningBoardId: string | null; lifecycle: string | null }> {
  const tables = portfolioDb(trx);
  if (subjectType === 'system') {
    const system = await tables
      .selectFrom('portfolio_systems')
      .select(['id', 'owning_board_id', 'lifecycle'])
      .where('id', '=', subjectId)
      .forUpdate()
      .executeTakeFirst();
    if (!system) throw portfolioError('system_not_found');
    access.assertEdit(system);
    if (!access.manages(system.owning_board_id)) assertMayAppoint(access, system.id, role);
    return { owningBoardId: system.owning_board_id, lifecycle: system.lifecycle };
  }
  if (!access.managesAnything()) throw forbidden();
  if (subjectType === 'managementObject') {
    const object = await tables
      .selectFrom('portfolio_management_objects')
      .select('id')
      .where('id', '=', subjectId)
      .forUpdate()
      .executeTakeFirst();
    if (!object) throw portfolioError('management_object_not_found');
  } else {
    if ((await findInformationTypes(trx, [subjectId])).length === 0)
      throw portfolioError('information_type_unknown');
    await sql`select pg_advisory_xact_lock(hashtext(${`portfolio-roles:${subjectId}`}))`.execute(trx);
  }
  return { owningBoardId: null, lifecycle: null };
}

function managesSubject(access: PortfolioAccess, subject: { owningBoardId: string | null }): boolean {
  return subject.owningBoardId ? access.manages(subject.owningBoardId) : access.managesAnything();
}

async function assertNoConflictingRole(
  trx: Kysely<unknown>,
  subjectType: RoleSubjectType,
  subjectId: string,
  input: PortfolioRoleAssignmentInput,
): Promise<void> {
  const conflicting = CONFLICTING_ROLES.flatMap(([a, b]) =>
    input.role === a ? [b] : input.role === b ? [a] : [],
  );
  if (conflicting.length === 0) return;
  const held = await portfolioDb(trx)
    .selectFrom('portfolio_role_assignments')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('person_id', '=', input.personId)
    .where('role', 'in', conflicting)
    .execute();
  if (held.some((row) => overlaps(row, input.validFrom, input.validTo)))
    throw portfolioError('roles_conflict');
}

function overlaps(row: AssignmentRow, from: string, to: string | null): boolean {
  return (row.valid_to === null || row.valid_to >= from) && (to === null || row.valid_from <= to);
}

export async function assignRole(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  subjectType: RoleSubjectType,
  subjectId: string,
  input: PortfolioRoleAssignmentInput,
): Promise<AssignmentRow> {
  if (!portfolioRolesBySubject[subjectType].includes(input.role))
    throw portfolioError('role_not_for_subject');
  if (input.validTo !== null && input.validTo < input.validFrom) {
    throw portfolioError('dates_out_of_order');
  }
  const subject = await lockSubject(trx, access, subjectType, subjectId, input.role);
  if (!(await findStaffContacts(trx, [input.personId])).has(input.personId))
    throw portfolioError('person_unknown');
  // Nobody appoints themselves, except the IT department to its own side's roles.
  const selfAppointed = input.personId === access.userId;
  if (selfAppointed && (input.role === 'systemOwner' || !managesSubject(access, subject)))
    throw portfolioError('role_granted_by_others');
  await assertNoConflictingRole(trx, subjectType, subjectId, input);
  let orgUnitId = input.orgUnitId;
  if (input.role === 'systemOwner') orgUnitId = subject.owningBoardId;
  else if (orgUnitId && !access.units.has(orgUnitId)) throw portfolioError('org_unit_unknown');
  if (SINGLE_HOLDER.has(input.role)) {
    const existing = await portfolioDb(trx)
      .selectFrom('portfolio_role_assignments')
      .selectAll()
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId)
      .where('role', '=', input.role)
      .execute();
    const overlapping = existing.filter((row) => overlaps(row, input.validFrom, input.validTo));
    const [holder] = overlapping;
    // A successor from a later date takes over: the open-ended holder's role ends the day before.
    const succession =
      overlapping.length === 1 && holder && holder.valid_to === null && holder.valid_from < input.validFrom;
    if (holder && !succession) throw portfolioError('role_already_held');
    if (holder && succession) {
      await portfolioDb(trx)
        .updateTable('portfolio_role_assignments')
        .set({ valid_to: addDays(input.validFrom, -1), updated_at: new Date() })
        .where('id', '=', holder.id)
        .execute();
    }
  }
  return portfolioDb(trx)
    .insertInto('portfolio_role_assignments')
    .values({
      subject_type: subjectType,
      subject_id: subjectId,
      role: input.role,
      person_id: input.personId,
      org_unit_id: orgUnitId,
      work_share_percent: input.workSharePercent,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      assigned_by: access.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function findAssignment(trx: Kysely<unknown>, id: string): Promise<AssignmentRow> {
  const row = await portfolioDb(trx)
    .selectFrom('portfolio_role_assignments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw portfolioError('role_assignment_not_found');
  return row;
}

/** The person named accepts the role (M7: an owner who has accepted). Only they can. */
export async function acceptRole(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
): Promise<AssignmentRow> {
  const row = await findAssignment(trx, id);
  if (row.person_id !== access.userId) throw portfolioError('role_not_yours');
  if (row.accepted_at) return row;
  return portfolioDb(trx)
    .updateTable('portfolio_role_assignments')
    .set({ accepted_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Ends a role on a date. An active system's owner is ended only when another owner takes over the
 * next day: a system in use is never without one.
 */
export async function endRole(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  id: string,
  validTo: string,
): Promise<AssignmentRow> {
  const found = await findAssignment(trx, id);
  const subject = await lockSubject(
    trx,
    access,
    found.subject_type as RoleSubjectType,
    found.subject_id,
    found.role as PortfolioRole,
  );
  // Read again now the object is locked: another request may have ended the role meanwhile.
  const row = await findAssignment(trx, id);
  if (validTo < row.valid_from || (row.valid_to !== null && validTo > row.valid_to)) {
    throw portfolioError('dates_out_of_order');
  }
  if (row.role === 'systemOwner' && subject.lifecycle && ACTIVE_STAGES.includes(subject.lifecycle as never)) {
    const day = addDays(validTo, 1);
    const successors = await portfolioDb(trx)
      .selectFrom('portfolio_role_assignments')
      .select('id')
      .where('subject_type', '=', 'system')
      .where('subject_id', '=', row.subject_id)
      .where('role', '=', 'systemOwner')
      .where('id', '<>', row.id)
      .where(validOn(day))
      .execute();
    if (successors.length === 0) throw portfolioError('system_owner_required');
  }
  return portfolioDb(trx)
    .updateTable('portfolio_role_assignments')
    .set({ valid_to: validTo, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
