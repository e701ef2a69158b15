import {
  type GrantRoleRequest,
  OrgUnitListResponse,
  type StaffRole,
  StaffUser,
  StaffUserListResponse,
} from '@karna/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionQueryKey } from '../../app/auth.tsx';
import { apiGet, apiRequest } from '../../lib/api.ts';

export const staffUsersQueryKey = ['users'] as const;
export const orgUnitsQueryKey = ['org-units'] as const;

/** All staff users with their roles (`GET /api/users`, permission `users.read`). */
export function useStaffUsers() {
  return useQuery({
    queryKey: staffUsersQueryKey,
    queryFn: ({ signal }) => apiGet('/api/users', StaffUserListResponse, signal),
  });
}

/** The organisation as a flat list (`GET /api/org-units`, permission `org.read`). */
export function useOrgUnits({ enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: orgUnitsQueryKey,
    queryFn: ({ signal }) => apiGet('/api/org-units', OrgUnitListResponse, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function rolesPath(userId: string): string {
  return `/api/users/${encodeURIComponent(userId)}/roles`;
}

export interface RevokeRoleInput {
  userId: string;
  role: StaffRole;
  orgUnitId: string;
}

/**
 * After a role change: put the returned user into the list at once, then refetch the list and the
 * session (the administrator may have changed their own roles, and so their permissions).
 */
function useApplyUserChange() {
  const queryClient = useQueryClient();
  return (changed: StaffUser) => {
    queryClient.setQueryData<StaffUserListResponse>(staffUsersQueryKey, (list) =>
      list ? { items: list.items.map((user) => (user.id === changed.id ? changed : user)) } : list,
    );
    void queryClient.invalidateQueries({ queryKey: staffUsersQueryKey });
    void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  };
}

/** Grant a role for an org unit subtree (`POST /api/users/{id}/roles`, `users.manageRoles`). */
export function useGrantRole() {
  const applyUserChange = useApplyUserChange();
  return useMutation({
    mutationFn: ({ userId, ...body }: GrantRoleRequest & { userId: string }) =>
      apiRequest(rolesPath(userId), { method: 'POST', body, schema: StaffUser }),
    onSuccess: applyUserChange,
  });
}

/** Revoke one role assignment (`DELETE /api/users/{id}/roles?role=…&orgUnitId=…`). */
export function useRevokeRole() {
  const applyUserChange = useApplyUserChange();
  return useMutation({
    mutationFn: ({ userId, role, orgUnitId }: RevokeRoleInput) =>
      apiRequest(`${rolesPath(userId)}?${new URLSearchParams({ role, orgUnitId })}`, {
        method: 'DELETE',
        schema: StaffUser,
      }),
    onSuccess: applyUserChange,
  });
}
