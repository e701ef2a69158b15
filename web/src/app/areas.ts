import { type Permission, type SessionUser, webPages } from '@karna/contracts';
import type { Messages } from '../lib/i18n.tsx';

/** A part of the app a user may enter, and the permission that opens it. */
export interface Area {
  path: string;
  permission: Permission;
  label: (t: Messages) => string;
}

/** The areas under the shell, in menu order. */
export const areas: readonly Area[] = [
  { path: webPages.myPages, permission: 'myPages.use', label: (t) => t.nav.myPages },
  { path: webPages.workspace, permission: 'workspace.use', label: (t) => t.nav.workspace },
  { path: webPages.caseInbox, permission: 'cases.read', label: (t) => t.cases.nav },
  { path: webPages.personSearch, permission: 'persons.lookup', label: (t) => t.nav.personSearch },
  { path: webPages.informationTypes, permission: 'workspace.use', label: (t) => t.nav.informationTypes },
  { path: webPages.portfolio, permission: 'portfolio.read', label: (t) => t.portfolio.nav },
  { path: webPages.itServices, permission: 'itServices.read', label: (t) => t.itServices.nav },
  { path: webPages.administration, permission: 'users.read', label: (t) => t.nav.admin },
];

/**
 * Whether an area's menu link is current only on its own page: so it is when another area lies
 * under it (Min startsida under /handlaggning, Sök person under /handlaggning/personer), else the
 * link stays current on the pages below it too.
 */
export function isExactArea(area: Area): boolean {
  return areas.some((other) => other !== area && other.path.startsWith(`${area.path}/`));
}

/** The areas this user may use (none when logged out). */
export function areasFor(user: SessionUser | null): Area[] {
  if (!user) return [];
  return areas.filter((area) => user.permissions.includes(area.permission));
}
