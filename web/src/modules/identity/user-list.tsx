import type { StaffUser } from '@karna/contracts';
import { useRef } from 'react';
import { formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { GrantRoleDialog } from './grant-role-dialog.tsx';
import { useRevokeRole } from './identity.api.ts';
import type { PlacedOrgUnit } from './org-tree.ts';
import { RevokeRoleDialog } from './revoke-role-dialog.tsx';

interface UserCardProps {
  user: StaffUser;
  /** Present when the viewer may grant and revoke roles (and the org units have loaded). */
  units: readonly PlacedOrgUnit[] | null;
  onChanged: (message: string) => void;
}

function UserCard({ user, units, onChanged }: UserCardProps) {
  const { t } = useI18n();
  const revoke = useRevokeRole();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const name = formatName(user);

  const onRevoked = (message: string) => {
    // The role, its button and its dialog are gone: put focus on the person once the dialog has
    // finished closing (it would otherwise hand focus back to the button that no longer exists).
    setTimeout(() => headingRef.current?.focus(), 0);
    onChanged(message);
  };

  return (
    <li className="card user-card">
      <div className="user-card-header">
        <div>
          <h3 ref={headingRef} tabIndex={-1}>
            {name}
          </h3>
          <p className="muted user-email">
            <span className="visually-hidden">{t.admin.email}: </span>
            {user.email ?? t.admin.noEmail}
          </p>
        </div>
        {units && <GrantRoleDialog user={user} units={units} onGranted={onChanged} />}
      </div>
      {user.roles.length === 0 ? (
        <p className="muted">{t.admin.userHasNoRoles}</p>
      ) : (
        <ul className="role-list" aria-label={t.admin.rolesOf(name)}>
          {user.roles.map((assignment) => (
            <li key={`${assignment.role}:${assignment.orgUnitId}`} className="role-item">
              <div>
                <span className="role-name">
                  {t.workspace.roleAtUnit(t.roles[assignment.role], assignment.orgUnitName)}
                </span>
                <span className="role-description">{t.roleDescriptions[assignment.role]}</span>
              </div>
              {units && (
                <RevokeRoleDialog user={user} assignment={assignment} revoke={revoke} onRevoked={onRevoked} />
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * Staff users as cards, each with its roles and (for role managers) the buttons to change them.
 * The server may list only the users and units in the viewer's part of the organisation.
 */
export function UserList(props: {
  users: readonly StaffUser[];
  units: readonly PlacedOrgUnit[] | null;
  onChanged: (message: string) => void;
}) {
  return (
    <ul className="user-list">
      {props.users.map((user) => (
        <UserCard key={user.id} user={user} units={props.units} onChanged={props.onChanged} />
      ))}
    </ul>
  );
}
