import { pathTo, type SessionUser, type SystemDetail, supportKindPolicy, webPages } from '@karna/contracts';
import { type FormEvent, type ReactNode, type RefObject, useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasPermission, RequirePermission } from '../../app/auth.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useOrgUnits } from '../identity/identity.api.ts';
import { useChangeSystem, useSystem } from './portfolio.api.ts';
import {
  Fact,
  formatNumber,
  InnovationBadge,
  type OnSaved,
  PortfolioNav,
  Section,
  TierBadge,
} from './portfolio-parts.tsx';
import { SystemComponentsSection } from './system-components.tsx';
import {
  type DraftErrors,
  draftErrors,
  draftOf,
  factsOf,
  SystemFields,
  summaryOf,
  systemInputOf,
  useFieldIds,
} from './system-form.tsx';
import { SystemIntegrationsSection } from './system-integrations.tsx';
import { LifecycleSection } from './system-lifecycle.tsx';
import { type RoleSubject, RolesSection } from './system-roles.tsx';
import { SecuritySection } from './system-security.tsx';
import { FitSection, TierSection } from './system-tier.tsx';
import { useEditToggle } from './use-edit-toggle.ts';
import './portfolio.css';

function ExternalLink({ href }: { href: string | null }) {
  const { t } = useI18n();
  if (!href) return <span className="muted">{t.portfolio.system.facts.notGiven}</span>;
  return (
    <a href={href} rel="noreferrer" className="url">
      {href}
    </a>
  );
}

function FactList({ system }: { system: SystemDetail }) {
  const { t, language, locale } = useI18n();
  const localized = (text: { sv: string; en: string }) => (language === 'en' ? text.en : text.sv);
  const m = t.portfolio.system.facts;
  const terms = t.portfolio.terms;
  const notGiven = <span className="muted">{m.notGiven}</span>;
  return (
    <dl className="details fact-grid">
      <Fact term={m.purpose}>
        <span className="pre-line">{system.purpose || notGiven}</span>
      </Fact>
      <Fact term={m.category}>{terms.category[system.category]}</Fact>
      <Fact term={m.supportKind}>
        {terms.supportKind[system.supportKind]} {system.innovationOverdue && <InnovationBadge />}
        <span className="fact-note">{localized(supportKindPolicy[system.supportKind].lifespan)}</span>
        <span className="fact-note">{localized(supportKindPolicy[system.supportKind].governance)}</span>
      </Fact>
      <Fact term={m.owningBoard}>{system.owningBoard.name}</Fact>
      <Fact term={m.usedBy}>{system.usedBy.map((unit) => unit.name).join(', ') || m.nobody}</Fact>
      <Fact term={m.userCount}>
        {system.userCount === null ? notGiven : formatNumber(system.userCount, locale)}
      </Fact>
      <Fact term={m.supplier}>{system.supplier ?? notGiven}</Fact>
      <Fact term={m.contractReference}>{system.contractReference ?? notGiven}</Fact>
      <Fact term={m.hosting}>{terms.hosting[system.hosting]}</Fact>
      <Fact term={m.technicalPlatform}>{system.technicalPlatform ?? notGiven}</Fact>
      <Fact term={m.documentationUrl}>
        <ExternalLink href={system.documentationUrl} />
      </Fact>
      <Fact term={m.loginUrl}>
        <ExternalLink href={system.loginUrl} />
      </Fact>
      <Fact term={m.singleSignOn}>{system.singleSignOn ? terms.yes : terms.no}</Fact>
      <Fact term={m.centralAccessAdministration}>
        {system.centralAccessAdministration ? terms.yes : terms.no}
      </Fact>
      {system.managementObject && (
        <Fact term={m.managementObject}>
          <Link to={pathTo('portfolioManagementObject', { objectId: system.managementObject.id })}>
            {system.managementObject.name}
          </Link>
        </Fact>
      )}
      <Fact term={m.updatedAt}>
        <time dateTime={system.updatedAt}>{formatDateTime(system.updatedAt, locale)}</time>
      </Fact>
    </dl>
  );
}

/** The facts form: the whole SystemInput is sent, with this form's part changed. */
function FactsForm({
  system,
  user,
  headingRef,
  onDone,
}: {
  system: SystemDetail;
  user: SessionUser;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.system;
  const change = useChangeSystem(system.id);
  const units = useOrgUnits({ enabled: hasPermission(user, 'org.read') });
  const [draft, setDraft] = useState(() => draftOf(system));
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = useFieldIds();
  const errorsNow = draftErrors(draft, m.form);
  const errors: DraftErrors = checked ? errorsNow : {};
  const summary: SummaryError[] = summaryOf(errors, ids);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(errorsNow).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (change.isPending) return;
    change.mutate(
      { kind: 'facts', body: { ...systemInputOf(system), ...factsOf(draft) } },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={`${ids.name}-heading`}>
      <h3 id={`${ids.name}-heading`} ref={headingRef} tabIndex={-1}>
        {m.form.heading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <SystemFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        ids={ids}
        units={units.data?.items ?? null}
        canChangeBoard={system.canManage}
        current={{
          owningBoardName: system.owningBoard.name,
          usedByNames: system.usedBy.map((unit) => unit.name),
        }}
      />
      {change.isError && <ProblemAlert error={change.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {change.isPending ? m.saving : m.save}
        </Button>
        <Button onPress={() => onDone(false)}>{m.cancel}</Button>
      </div>
    </form>
  );
}

function FactsSection({
  system,
  user,
  onSaved,
}: {
  system: SystemDetail;
  user: SessionUser;
  onSaved: OnSaved;
}) {
  const { t } = useI18n();
  const m = t.portfolio.system;
  const toggle = useEditToggle();
  return (
    <Section title={m.facts.heading}>
      {toggle.editing ? (
        <FactsForm
          system={system}
          user={user}
          headingRef={toggle.headingRef}
          onDone={(saved) => {
            if (saved) onSaved(m.saved);
            toggle.close();
          }}
        />
      ) : (
        <>
          <FactList system={system} />
          {system.canEdit && (
            <div className="button-row">
              <Button id={toggle.buttonId} onPress={toggle.open}>
                {m.facts.edit}
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

function SystemScreen({ system, user }: { system: SystemDetail; user: SessionUser }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const terms = t.portfolio.terms;
  const roles = t.portfolio.system.roles;
  const roleSubject: RoleSubject = {
    type: 'system',
    id: system.id,
    roles: system.roles,
    gaps: system.roleGaps.map((gap) => terms.roleGap[gap] ?? gap),
    sayComplete: ['introducing', 'operating', 'phasingOut'].includes(system.lifecycle),
    appointable: system.appointableRoles,
    texts: {
      caption: roles.caption,
      earlierCaption: roles.earlierCaption,
      none: roles.none,
      giveHeading: roles.giveHeading,
    },
  };
  return (
    <>
      <LiveStatus message={message} />
      <div className="badge-row system-badges">
        <TierBadge tier={system.tier} />
        <span className="badge badge-status">{terms.lifecycle[system.lifecycle]}</span>
        {system.time && <span className="badge badge-status">TIME: {terms.time[system.time]}</span>}
        {system.innovationOverdue && <InnovationBadge />}
      </div>
      {system.description && <p className="lead pre-line">{system.description}</p>}
      {!system.canEdit && <p className="notice">{t.portfolio.system.readOnly}</p>}
      <div className="system-layout">
        <div className="system-main">
          <FactsSection system={system} user={user} onSaved={setMessage} />
          <RolesSection subject={roleSubject} onSaved={setMessage} />
          <SecuritySection system={system} onSaved={setMessage} />
          <SystemIntegrationsSection system={system} onSaved={setMessage} />
        </div>
        <div className="system-aside">
          <LifecycleSection system={system} onSaved={setMessage} />
          <TierSection system={system} onSaved={setMessage} />
          <FitSection system={system} onSaved={setMessage} />
          <SystemComponentsSection system={system} onSaved={setMessage} />
        </div>
      </div>
    </>
  );
}

function SystemContent({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { systemId = '' } = useParams();
  const system = useSystem(systemId);
  let body: ReactNode;
  if (system.isPending) body = <LoadingStatus />;
  else if (system.isError) body = <ProblemAlert error={system.error} onRetry={() => void system.refetch()} />;
  else body = <SystemScreen system={system.data} user={user} />;
  return (
    <Page title={system.data?.name ?? t.portfolio.system.titleLoading}>
      <PortfolioNav user={user} />
      <p className="back-link">
        <Link to={webPages.portfolio}>{t.portfolio.system.back}</Link>
      </p>
      {body}
    </Page>
  );
}

/** `/portfolj/system/:systemId`: everything about one system, and what its keepers may change. */
export function SystemPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.portfolio.system.titleLoading} permission="portfolio.read" realm="staff">
      {(user) => <SystemContent user={user} />}
    </RequirePermission>
  );
}
