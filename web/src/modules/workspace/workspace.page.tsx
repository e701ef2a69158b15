import { type SessionUser, webPages } from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TaskTable } from './task-table.tsx';
import { useMyTasks } from './workspace.api.ts';

function MyRoles({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="my-roles">
      <h2 id="my-roles">{t.workspace.rolesHeading}</h2>
      {user.roles.length === 0 ? (
        <p className="notice">{t.workspace.noRoles}</p>
      ) : (
        <ul className="role-list">
          {user.roles.map((assignment) => (
            <li key={`${assignment.role}:${assignment.orgUnitId}`}>
              <span className="role-name">
                {t.workspace.roleAtUnit(t.roles[assignment.role], assignment.orgUnitName)}
              </span>
              <span className="role-description">{t.roleDescriptions[assignment.role]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MyTasks() {
  const { t } = useI18n();
  const tasks = useMyTasks();
  const captionId = useId();

  let body: ReactNode;
  if (tasks.isPending) body = <LoadingStatus />;
  else if (tasks.isError) body = <ProblemAlert error={tasks.error} onRetry={() => void tasks.refetch()} />;
  else if (tasks.data.items.length === 0) body = <EmptyState>{t.workspace.noTasks}</EmptyState>;
  else body = <TaskTable tasks={tasks.data.items} captionId={captionId} />;

  return (
    // Not a labelled region itself: the table's scroll region is, with the same name.
    <section className="card">
      <h2>{t.workspace.tasksHeading}</h2>
      {body}
    </section>
  );
}

/** The way to the unit inbox, for staff who read cases. */
function MyCases() {
  const { t } = useI18n();
  const m = t.cases.workspace;
  return (
    <section className="card" aria-labelledby="my-cases">
      <h2 id="my-cases">{m.heading}</h2>
      <p>{m.text}</p>
      <ul className="link-list">
        <li>
          <Link to={webPages.caseInbox} className="link-arrow">
            {m.toInbox}
          </Link>
        </li>
        <li>
          <Link to={`${webPages.caseInbox}?assigned=me`}>{m.toMine}</Link>
        </li>
      </ul>
    </section>
  );
}

function Workspace({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  return (
    <Page title={t.workspace.title}>
      <p className="lead">{t.workspace.greeting(formatName(user))}</p>
      <div className="stack">
        {hasPermission(user, 'cases.read') && <MyCases />}
        {hasPermission(user, 'tasks.read') && <MyTasks />}
        <MyRoles user={user} />
      </div>
    </Page>
  );
}

/** `/handlaggning`: the staff start page (permission `workspace.use`): roles and own tasks. */
export function WorkspacePage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.workspace.title} permission="workspace.use" realm="staff">
      {(user) => <Workspace user={user} />}
    </RequirePermission>
  );
}
