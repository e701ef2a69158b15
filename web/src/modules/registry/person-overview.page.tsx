import { type PersonOverview, type PersonOverviewQuery, pathTo, webPages } from '@karna/contracts';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { RequirePermission } from '../../app/auth.tsx';
import { formatDate, formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import {
  emptyPurpose,
  formatPurpose,
  type LookupState,
  type PurposeDraft,
  purposeErrors,
  purposeFromState,
  toPurpose,
} from './lookup-purpose.ts';
import { PurposeFields } from './purpose-fields.tsx';
import { usePersonOverview } from './registry.api.ts';
import {
  AddressLines,
  displayPersonalNumber,
  Fact,
  formatWgs84,
  isProtected,
  OrganisationList,
  PropertyList,
  ProtectedBadge,
  RelativeList,
} from './registry-facts.tsx';

/** Before anything is read: why? The overview opens once a purpose is given. */
function PurposeStep({ onChosen }: { onChosen: (purpose: PersonOverviewQuery) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PurposeDraft>(emptyPurpose);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const ids = { purpose: useId(), purposeText: useId() };
  const errors = failedSubmits > 0 ? purposeErrors(draft, t) : null;
  const summary: SummaryError[] = [];
  if (errors?.purpose) summary.push({ fieldId: ids.purpose, message: errors.purpose });
  if (errors?.purposeText) summary.push({ fieldId: ids.purposeText, message: errors.purposeText });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const purpose = Object.values(purposeErrors(draft, t)).some(Boolean) ? null : toPurpose(draft);
    if (purpose) onChosen(purpose);
    else setFailedSubmits((count) => count + 1);
  };

  return (
    <Page title={t.personOverview.title}>
      <p className="lead">{t.personOverview.askPurpose}</p>
      <form onSubmit={submit} noValidate className="form card narrow-form">
        <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
        <PurposeFields ids={ids} value={draft} onChange={setDraft} errors={errors} />
        <div className="button-row">
          <Button type="submit" variant="primary">
            {t.personOverview.show}
          </Button>
          <Link to={webPages.personSearch} className="button button-secondary">
            {t.personOverview.backToSearch}
          </Link>
        </div>
      </form>
    </Page>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function PersonCard({ overview }: { overview: PersonOverview }) {
  const { t, locale } = useI18n();
  const { person } = overview;
  const id = useId();
  let address: ReactNode = t.registry.noAddress;
  if (person.address) address = <AddressLines address={person.address} />;
  else if (isProtected(person.protection)) address = t.registry.addressHidden;
  return (
    <Section id={id} title={t.personOverview.personHeading}>
      {(isProtected(person.protection) || person.deceasedOn || person.emigratedOn) && (
        <p className="badge-row">
          {isProtected(person.protection) && <ProtectedBadge />}
          {person.deceasedOn && (
            <span className="badge badge-status">
              {t.registry.deceased(formatDate(person.deceasedOn, locale))}
            </span>
          )}
          {person.emigratedOn && (
            <span className="badge badge-status">
              {t.registry.emigrated(formatDate(person.emigratedOn, locale))}
            </span>
          )}
        </p>
      )}
      <dl className="details">
        <Fact term={person.isCoordinationNumber ? t.registry.coordinationNumber : t.registry.personalNumber}>
          {displayPersonalNumber(person.personalNumber)}
        </Fact>
        <Fact term={t.registry.birthDate}>
          {formatDate(person.birthDate, locale)} ({t.registry.age(person.age)})
        </Fact>
        <Fact term={t.registry.address}>{address}</Fact>
        {isProtected(person.protection) && (
          <Fact term={t.registry.protection}>{t.protections[person.protection]}</Fact>
        )}
        {person.coordinates && (
          <Fact term={t.registry.coordinates}>{formatWgs84(person.coordinates.wgs84, locale, t)}</Fact>
        )}
      </dl>
    </Section>
  );
}

function ContactCard({ overview }: { overview: PersonOverview }) {
  const { t } = useI18n();
  const id = useId();
  const { phone, email } = overview.person.contact;
  return (
    <Section id={id} title={t.personOverview.contactHeading}>
      <p className="muted">{t.personOverview.contactSource}</p>
      <dl className="details">
        <Fact term={t.registry.phone}>{phone ?? <span className="muted">{t.registry.notGiven}</span>}</Fact>
        <Fact term={t.registry.email}>{email ?? <span className="muted">{t.registry.notGiven}</span>}</Fact>
      </dl>
    </Section>
  );
}

function CustomerRelations({ overview }: { overview: PersonOverview }) {
  const { t, locale } = useI18n();
  const id = useId();
  const relations = overview.customerRelations;
  return (
    <Section id={id} title={t.personOverview.customerRelationsHeading}>
      {relations.length === 0 ? (
        <EmptyState>{t.personOverview.noCustomerRelations}</EmptyState>
      ) : (
        <ul className="record-list">
          {relations.map((relation) => (
            <li key={`${relation.orgUnitId}:${relation.relation}`}>
              {t.personOverview.relationSince(
                relation.relation,
                relation.orgUnitName,
                formatDate(relation.since, locale),
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Overview({ overview, lookup }: { overview: PersonOverview; lookup: LookupState }) {
  const { t } = useI18n();
  const ids = {
    children: useId(),
    guardians: useId(),
    properties: useId(),
    organisations: useId(),
    cases: useId(),
  };
  // A relative opens with the same purpose: another lookup, logged as such.
  const relativeLink = (person: { id: string; givenName: string; familyName: string }) => (
    <Link to={pathTo('personOverview', { personId: person.id })} state={lookup}>
      {formatName(person)}
    </Link>
  );
  return (
    <div className="overview-grid">
      <PersonCard overview={overview} />
      <ContactCard overview={overview} />
      <Section id={ids.children} title={t.registry.childrenHeading}>
        <RelativeList
          people={overview.children}
          label={t.registry.childrenHeading}
          emptyText={t.registry.noChildren}
          renderName={relativeLink}
        />
      </Section>
      <Section id={ids.guardians} title={t.registry.guardiansHeading}>
        <RelativeList
          people={overview.guardians}
          label={t.registry.guardiansHeading}
          emptyText={t.registry.noGuardians}
          renderName={relativeLink}
        />
      </Section>
      <Section id={ids.properties} title={t.registry.propertiesHeading}>
        <PropertyList properties={overview.properties} label={t.registry.propertiesHeading} />
      </Section>
      <Section id={ids.organisations} title={t.registry.organisationsHeading}>
        <OrganisationList organisations={overview.organisations} label={t.registry.organisationsHeading} />
      </Section>
      <Section id={ids.cases} title={t.personOverview.casesHeading}>
        {overview.openCases.length === 0 ? (
          <EmptyState>{t.personOverview.noCases}</EmptyState>
        ) : (
          <ul className="record-list">
            {overview.openCases.map((openCase) => (
              <li key={openCase.id}>
                <Link to={pathTo('caseView', { caseId: openCase.id })} className="record-title">
                  {openCase.reference}
                </Link>
                <span className="record-line">{openCase.title}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <CustomerRelations overview={overview} />
    </div>
  );
}

function PersonOverviewView() {
  const { t } = useI18n();
  const { personId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const purpose = purposeFromState(location.state);
  const overview = usePersonOverview(personId, purpose);
  // The purpose goes into this page's history entry (router state), never into its address.
  const choosePurpose = (next: PersonOverviewQuery | null) =>
    navigate(location.pathname, {
      replace: true,
      state: next ? ({ purpose: next } satisfies LookupState) : null,
    });

  if (!purpose) return <PurposeStep onChosen={choosePurpose} />;

  let body: ReactNode;
  if (overview.isPending) body = <LoadingStatus />;
  else if (overview.isError)
    body = <ProblemAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  else body = <Overview overview={overview.data} lookup={{ purpose }} />;

  return (
    <Page title={overview.data ? formatName(overview.data.person) : t.personOverview.title}>
      <div className="purpose-bar">
        <p>{t.personOverview.purposeNow(formatPurpose(purpose, t))}</p>
        <div className="button-row">
          <Button size="small" onPress={() => choosePurpose(null)}>
            {t.personOverview.changePurpose}
          </Button>
          <Link to={webPages.personSearch} className="button button-secondary button-small">
            {t.personOverview.backToSearch}
          </Link>
        </div>
      </div>
      {body}
    </Page>
  );
}

/** `/handlaggning/personer/:personId`: everything the register knows about one person, read with a purpose. */
export function PersonOverviewPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.personOverview.title} permission="persons.lookup" realm="staff">
      {() => <PersonOverviewView />}
    </RequirePermission>
  );
}
