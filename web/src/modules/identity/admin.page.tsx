import type { SessionUser } from '@karna/contracts';
import { type ReactNode, useMemo, useState } from 'react';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { comparePeople } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useOrgUnits, useStaffUsers } from './identity.api.ts';
import { buildOrgTree, type PlacedOrgUnit, placeOrgUnits } from './org-tree.ts';
import { OrgTreeView } from './org-tree-view.tsx';
import { UserList } from './user-list.tsx';

function Admin({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const canReadOrg = hasPermission(user, 'org.read');
  const canManageRoles = hasPermission(user, 'users.manageRoles');
  const users = useStaffUsers();
  const orgUnits = useOrgUnits({ enabled: canReadOrg });
  const [message, setMessage] = useState<string | null>(null);

  const orgTree = useMemo(() => (orgUnits.data ? buildOrgTree(orgUnits.data.items) : null), [orgUnits.data]);
  const units = useMemo<PlacedOrgUnit[] | null>(
    () => (canManageRoles && orgTree ? placeOrgUnits(orgTree) : null),
    [canManageRoles, orgTree],
  );
  const sortedUsers = useMemo(
    () => (users.data ? [...users.data.items].sort(comparePeople) : []),
    [users.data],
  );

  let userBody: ReactNode;
  if (users.isPending) userBody = <LoadingStatus />;
  else if (users.isError)
    userBody = <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />;
  else if (sortedUsers.length === 0) userBody = <EmptyState>{t.admin.noUsers}</EmptyState>;
  else userBody = <UserList users={sortedUsers} units={units} onChanged={setMessage} />;

  let orgBody: ReactNode;
  if (orgUnits.isPending) orgBody = <LoadingStatus />;
  else if (orgUnits.isError)
    orgBody = <ProblemAlert error={orgUnits.error} onRetry={() => void orgUnits.refetch()} />;
  else if (!orgTree || orgTree.length === 0) orgBody = <EmptyState>{t.admin.noOrgUnits}</EmptyState>;
  else orgBody = <OrgTreeView roots={orgTree} />;

  return (
    <Page title={t.admin.title}>
      <LiveStatus message={message} />
      <div className="admin-grid">
        <section aria-labelledby="admin-users">
          <h2 id="admin-users">{t.admin.usersHeading}</h2>
          <p>{t.admin.usersIntro}</p>
          {userBody}
        </section>
        {canReadOrg && (
          <section aria-labelledby="admin-org" className="card">
            <h2 id="admin-org">{t.admin.orgHeading}</h2>
            {orgBody}
          </section>
        )}
      </div>
    </Page>
  );
}

/** `/admin`: staff users and their roles, the organisation tree, and granting/revoking roles. */
export function AdminPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.admin.title} permission="users.read" realm="staff">
      {(user) => <Admin user={user} />}
    </RequirePermission>
  );
}
