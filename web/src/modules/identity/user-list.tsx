import type { StaffUser } from '@karna/contracts';
import { useRef } from 'react';
import { formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import type { SelectOption } from '../../ui/select.tsx';
import { GrantRoleDialog } from './grant-role-dialog.tsx';
import { useRevokeRole } from './identity.api.ts';

interface UserCardProps {
  user: StaffUser;
  /** Present when the viewer may grant and revoke roles (and the org units have loaded). */
  unitOptions: readonly SelectOption[] | null;
  onChanged: (message: string) => void;
}

function UserCard({ user, unitOptions, onChanged }: UserCardProps) {
  const { t } = useI18n();
  const revoke = useRevokeRole();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = formatName(user);
  const canManage = unitOptions !== null;

  return (
    <li className="card user-card">
      <div className="user-card-header">
        <div>
          <h3 ref={headingRef} tabIndex={-1}>
            {name}
          </h3>
          <p className="muted">
            <span className="visually-hidden">{t.admin.email}: </span>
            {user.email ?? t.admin.noEmail}
          </p>
        </div>
        {unitOptions && <GrantRoleDialog user={user} unitOptions={unitOptions} onGranted={onChanged} />}
      </div>
      {revoke.isError && <ProblemAlert error={revoke.error} />}
      {user.roles.length === 0 ? (
        <p className="muted">{t.admin.userHasNoRoles}</p>
      ) : (
        <ul className="role-list" aria-label={t.admin.rolesOf(name)}>
          {user.roles.map((assignment) => {
            const role = t.roles[assignment.role];
            return (
              <li key={`${assignment.role}:${assignment.orgUnitId}`} className="role-item">
                <span>{t.workspace.roleAtUnit(role, assignment.orgUnitName)}</span>
                {canManage && (
                  <Button
                    size="small"
                    variant="danger"
                    aria-label={t.admin.revokeLabel(role, assignment.orgUnitName, name)}
                    isPending={
                      revoke.isPending &&
                      revoke.variables.role === assignment.role &&
                      revoke.variables.orgUnitId === assignment.orgUnitId
                    }
                    onPress={() =>
                      revoke.mutate(
                        { userId: user.id, role: assignment.role, orgUnitId: assignment.orgUnitId },
                        {
                          onSuccess: () => {
                            // The pressed button is gone: put focus on the person instead.
                            headingRef.current?.focus();
                            onChanged(t.admin.revoked(role, assignment.orgUnitName, name));
                          },
                        },
                      )
                    }
                  >
                    {t.admin.revoke}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

/** Staff users as cards, each with its roles and (for role managers) the buttons to change them. */
export function UserList(props: {
  users: readonly StaffUser[];
  unitOptions: readonly SelectOption[] | null;
  onChanged: (message: string) => void;
}) {
  return (
    <ul className="user-list">
      {props.users.map((user) => (
        <UserCard key={user.id} user={user} unitOptions={props.unitOptions} onChanged={props.onChanged} />
      ))}
    </ul>
  );
}
