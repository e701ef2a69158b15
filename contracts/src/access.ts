/**
 * The roles and permission names the platform knows. Roles are granted to staff users for an
 * organisation subtree; a citizen session holds the citizen role implicitly. Modules add their own
 * permissions here as they arrive, and the server maps roles to permissions in one place
 * (server/src/modules/identity/roles.ts).
 */
export const staffRoles = [
  'caseOfficer',
  'registrar',
  /** A case officer who may also see protected people's addresses and relations (skyddade personuppgifter). */
  'protectedIdentityOfficer',
  'systemOwner',
  'itDepartment',
  /** The department's authorised orderer (avropsberättigad): places and approves orders, reads the charges. */
  'serviceOrderer',
  'administrator',
] as const;
export type StaffRole = (typeof staffRoles)[number];
export type Role = StaffRole | 'citizen';

export const permissions = [
  /** Use Mina sidor: one's own cases, messages and data. */
  'myPages.use',
  /** Use the staff workspace (start page, task list). */
  'workspace.use',
  /** Read the tasks of a unit one works in. */
  'tasks.read',
  /** Read the organisation tree. */
  'org.read',
  /** List staff users and their roles. */
  'users.read',
  /** Grant and revoke staff roles. */
  'users.manageRoles',
  /** Create and revoke API clients for integrations. */
  'apiClients.manage',
  /** Read the audit trail. */
  'audit.read',
  /** Look a person up in the population register, with a stated purpose (every lookup audited). */
  'persons.lookup',
  /** See a protected person's address, place and relations (skyddade personuppgifter). */
  'persons.readProtected',
  /** Read the registers as an integration keeping in sync (changed-since, paginated). */
  'registry.read',
  /** Keep the master-data designations: information types and their authoritative sources. */
  'masterData.manage',
  /** Read the cases of one's units: the inbox, the case view, lead times (every read audited). */
  'cases.read',
  /** Handle the cases of one's units: assign, note, complete tasks, decide, close. */
  'cases.handle',
  /** Read and mark secret cases and documents (sekretess, OSL). */
  'cases.readSecret',
  /** Build and publish e-service definitions (B2). */
  'services.manage',
  /** Read the application portfolio's open parts: systems, owners, roles, tiers, integrations (M1). */
  'portfolio.read',
  /** Read the portfolio's confidential parts for systems of one's units: classification and required controls. */
  'portfolio.readConfidential',
  /** Keep the application portfolio for one's units: systems, roles, tiers, classification, import (M1–M7). */
  'portfolio.manage',
  /** Read the IT service catalog (N1). */
  'itServices.read',
  /** Ask for an order of an IT service for one's department, for the authorised orderer to approve (N2). */
  'itServices.request',
  /** Place and approve one's department's orders and read its charges: the authorised orderer (N2, N4). */
  'itServices.order',
  /** Keep the service catalog, deliver orders, keep cost pools and drivers, run chargeback (N1–N4). */
  'itServices.manage',
] as const;
export type Permission = (typeof permissions)[number];
