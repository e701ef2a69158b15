import { pathTo } from '@karna/contracts';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { type MyRole, useAcceptRole, useMyRoles, useSystems } from './portfolio.api.ts';
import { PortfolioPage, Section, TableScroll } from './portfolio-parts.tsx';
import { SystemTable } from './system-table.tsx';
import './portfolio.css';

/** Where a role is held: a system links to its page. */
function SubjectName({ role }: { role: MyRole }) {
  if (role.subjectType !== 'system') return <>{role.subjectName}</>;
  return <Link to={pathTo('portfolioSystem', { systemId: role.subjectId })}>{role.subjectName}</Link>;
}

function RoleTable({
  roles,
  caption,
  onAccept,
}: {
  roles: readonly MyRole[];
  caption: string;
  onAccept: (role: MyRole) => void;
}) {
  const { t, locale } = useI18n();
  const m = t.portfolio.mine;
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.subject}</th>
            <th scope="col">{m.columns.role}</th>
            <th scope="col">{m.columns.period}</th>
            <th scope="col">{m.columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => {
            const roleName = t.portfolio.terms.role[role.role];
            return (
              <tr key={role.id}>
                <th scope="row">
                  <SubjectName role={role} />
                </th>
                <td>{roleName}</td>
                <td>
                  {role.validTo
                    ? m.fromTo(formatDate(role.validFrom, locale), formatDate(role.validTo, locale))
                    : m.from(formatDate(role.validFrom, locale))}
                </td>
                <td>
                  {role.acceptedAt ? (
                    m.acceptedStatus
                  ) : (
                    <Button size="small" variant="primary" onPress={() => onAccept(role)}>
                      {m.accept}
                      <span className="visually-hidden"> {m.acceptHidden(roleName, role.subjectName)}</span>
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function MyRoles() {
  const { t } = useI18n();
  const m = t.portfolio.mine;
  const roles = useMyRoles();
  const accept = useAcceptRole();
  const [message, setMessage] = useState<string | null>(null);
  const headingId = useId();

  // The button pressed goes away with the role's new status: focus goes to the section's heading.
  const onAccept = (role: MyRole) => {
    if (accept.isPending) return;
    setMessage(null);
    accept.mutate(role.id, {
      onSuccess: () => {
        setMessage(m.accepted(t.portfolio.terms.role[role.role], role.subjectName));
        document.getElementById(headingId)?.focus();
      },
    });
  };

  let body: ReactNode;
  if (roles.isPending) body = <LoadingStatus />;
  else if (roles.isError) body = <ProblemAlert error={roles.error} onRetry={() => void roles.refetch()} />;
  else if (roles.data.items.length === 0) body = <EmptyState>{m.noRoles}</EmptyState>;
  else {
    const pending = roles.data.items.filter((role) => !role.acceptedAt);
    const accepted = roles.data.items.filter((role) => role.acceptedAt);
    body = (
      <>
        {pending.length > 0 && (
          <div className="notice pending-roles">
            <h3>{m.pendingHeading}</h3>
            <p>{m.pendingText}</p>
            <RoleTable roles={pending} caption={m.pendingHeading} onAccept={onAccept} />
          </div>
        )}
        {accepted.length > 0 && <RoleTable roles={accepted} caption={m.rolesHeading} onAccept={onAccept} />}
      </>
    );
  }
  return (
    <Section title={m.rolesHeading} headingId={headingId}>
      <LiveStatus message={message} />
      {accept.isError && <ProblemAlert error={accept.error} />}
      {body}
    </Section>
  );
}

function MySystemList() {
  const { t } = useI18n();
  const m = t.portfolio.mine;
  const systems = useSystems('mine=true&limit=200');
  const captionId = useId();
  let body: ReactNode;
  if (systems.isPending) body = <LoadingStatus />;
  else if (systems.isError)
    body = <ProblemAlert error={systems.error} onRetry={() => void systems.refetch()} />;
  else if (systems.data.items.length === 0) body = <EmptyState>{m.noSystems}</EmptyState>;
  else body = <SystemTable items={systems.data.items} captionId={captionId} caption={m.systemsHeading} />;
  return <Section title={m.systemsHeading}>{body}</Section>;
}

/** `/portfolj/mina-system`: the caller's roles (accepting those given) and their systems. */
export function MySystemsPage() {
  const { t } = useI18n();
  return (
    <PortfolioPage title={t.portfolio.mine.title}>
      {() => (
        <>
          <p className="lead">{t.portfolio.mine.lead}</p>
          <div className="stack">
            <MyRoles />
            <MySystemList />
          </div>
        </>
      )}
    </PortfolioPage>
  );
}
