import { z } from 'zod';
import { staffRoles } from './access.ts';

export const OrgUnitKind = z.enum(['municipality', 'board', 'department', 'unit', 'company']);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

export const OrgUnit = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: OrgUnitKind,
  name: z.string(),
  shortName: z.string().nullable(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitListResponse = z.object({ items: z.array(OrgUnit) });
export type OrgUnitListResponse = z.infer<typeof OrgUnitListResponse>;

export const StaffUser = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.object({ role: z.enum(staffRoles), orgUnitId: z.uuid(), orgUnitName: z.string() })),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const StaffUserListResponse = z.object({ items: z.array(StaffUser) });
export type StaffUserListResponse = z.infer<typeof StaffUserListResponse>;

export const GrantRoleRequest = z.object({
  role: z.enum(staffRoles),
  orgUnitId: z.uuid(),
});
export type GrantRoleRequest = z.infer<typeof GrantRoleRequest>;

export const UserIdParams = z.object({ userId: z.uuid() });
export type UserIdParams = z.infer<typeof UserIdParams>;

export const RevokeRoleQuery = GrantRoleRequest;
export type RevokeRoleQuery = z.infer<typeof RevokeRoleQuery>;
