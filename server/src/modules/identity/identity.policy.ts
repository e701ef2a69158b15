import type { Permission, Role, StaffRole } from '@karna/contracts';
import type { Actor, Grant } from '../../platform/http/access.ts';

/**
 * Which permissions each role holds. A staff role applies to the organisation subtree it was
 * granted for; the citizen role belongs to every citizen session. This table is the one place that
 * decides; modules add their permissions to contracts/src/access.ts and to the roles here.
 */

/** What every logged-in staff member may do, with or without roles: see their own start page. */
const staffBaseline: readonly Permission[] = ['workspace.use', 'portfolio.read', 'itServices.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  citizen: ['myPages.use'],
  caseOfficer: [
    'workspace.use',
    'tasks.read',
    'org.read',
    'persons.lookup',
    'cases.read',
    'cases.handle',
    'portfolio.read',
    'itServices.request',
  ],
  registrar: [
    'workspace.use',
    'tasks.read',
    'org.read',
    'persons.lookup',
    'cases.read',
    'cases.handle',
    'cases.readSecret',
    'portfolio.read',
    'itServices.request',
  ],
  // Granted only by someone who holds it (or the `karna users add-role` command): see grantRefusal.
  protectedIdentityOfficer: [
    'workspace.use',
    'tasks.read',
    'org.read',
    'persons.lookup',
    'persons.readProtected',
    'cases.read',
    'cases.handle',
    'portfolio.read',
    'itServices.request',
  ],
  systemOwner: [
    'workspace.use',
    'tasks.read',
    'org.read',
    'portfolio.read',
    'portfolio.readConfidential',
    'itServices.request',
  ],
  itDepartment: [
    'workspace.use',
    'tasks.read',
    'org.read',
    'users.read',
    'registry.read',
    'masterData.manage',
    'portfolio.read',
    'portfolio.readConfidential',
    'portfolio.manage',
    'itServices.request',
    'itServices.order',
    'itServices.manage',
  ],
  serviceOrderer: ['workspace.use', 'tasks.read', 'org.read', 'itServices.request', 'itServices.order'],
  administrator: [
    'workspace.use',
    'tasks.read',
    'org.read',
    'users.read',
    'users.manageRoles',
    'apiClients.manage',
    'audit.read',
    'registry.read',
    'masterData.manage',
    'services.manage',
    'portfolio.read',
  ],
};

/**
 * The one permission check. Without `orgUnitPath`: does the actor hold the permission anywhere?
 * With it: does the actor hold it through a role granted for that unit or one above it?
 */
export function can(actor: Actor, permission: Permission, orgUnitPath?: string): boolean {
  switch (actor.type) {
    case 'anonymous':
      return false;
    case 'citizen':
      return rolePermissions.citizen.includes(permission);
    case 'staff':
      if (staffBaseline.includes(permission)) return true;
      return grantsAllow(actor.grants, permission, orgUnitPath);
    default:
      return grantsAllow(actor.grants, permission, orgUnitPath);
  }
}

/** Why a grant is refused, or `undefined` when it is allowed. */
export type GrantRefusal = 'role_not_in_scope' | 'role_not_grantable';

/**
 * Permissions that only someone who holds them may hand on (with the unit): access to protected
 * identities is given by those who have it, not by whoever administers roles.
 */
const passedOnOnlyByHolders: readonly Permission[] = ['persons.readProtected'];

/**
 * The one scope rule for everything that hands out power — a role to a staff member, a role to an
 * API client, and taking either back: the actor holds `managePermission` for the unit (or one above
 * it); giving an API client a role also takes being able to grant that role to a person
 * (`users.manageRoles` there); and a role carrying a permission only its holders may pass on takes
 * holding it there.
 */
export function grantRefusal(
  actor: Actor,
  managePermission: Extract<Permission, 'users.manageRoles' | 'apiClients.manage'>,
  role: StaffRole,
  orgUnitPath: string,
): GrantRefusal | undefined {
  if (!can(actor, managePermission, orgUnitPath)) return 'role_not_in_scope';
  if (!can(actor, 'users.manageRoles', orgUnitPath)) return 'role_not_grantable';
  const withheld = rolePermissions[role].some(
    (permission) => passedOnOnlyByHolders.includes(permission) && !can(actor, permission, orgUnitPath),
  );
  return withheld ? 'role_not_grantable' : undefined;
}

function grantsAllow(grants: Grant[], permission: Permission, orgUnitPath: string | undefined): boolean {
  return grants.some(
    (grant) =>
      roleHas(grant.role, permission) &&
      (orgUnitPath === undefined || orgUnitPath.startsWith(grant.orgUnitPath)),
  );
}

/** Every permission the actor holds somewhere: what the web app uses to show navigation. */
export function permissionsOf(actor: Actor): Permission[] {
  if (actor.type === 'anonymous') return [];
  if (actor.type === 'citizen') return [...rolePermissions.citizen];
  const held = new Set<Permission>(actor.type === 'staff' ? staffBaseline : []);
  for (const grant of actor.grants) {
    for (const permission of rolePermissions[grant.role as Role] ?? []) held.add(permission);
  }
  return [...held];
}

function roleHas(role: string, permission: Permission): boolean {
  return (rolePermissions[role as Role] ?? []).includes(permission);
}
