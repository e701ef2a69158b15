import { type MyOrganisation, webPages } from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { Link, useParams } from 'react-router';
import { RequirePermission } from '../../app/auth.tsx';
import { comparePeople, formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { displayOrganisationNumber, Fact, PropertyList } from '../registry/registry-facts.tsx';
import { FactSourceLine } from './fact-source.tsx';
import { useMyOrganisation } from './me.api.ts';

function OrganisationDetails({ data }: { data: MyOrganisation }) {
  const { t } = useI18n();
  const ids = { facts: useId(), signatories: useId(), properties: useId() };
  const signatories = [...data.signatories].sort(comparePeople);
  return (
    <div className="overview-grid">
      <section className="card" aria-labelledby={ids.facts}>
        <h2 id={ids.facts}>{t.registry.organisationsHeading}</h2>
        <FactSourceLine source="companies" />
        <dl className="details">
          <Fact term={t.registry.organisationNumber}>
            {displayOrganisationNumber(data.organisation.organisationNumber)}
          </Fact>
          <Fact term={t.registry.legalForm}>{data.organisation.legalForm}</Fact>
        </dl>
      </section>
      <section className="card" aria-labelledby={ids.signatories}>
        <h2 id={ids.signatories}>{t.myOrganisation.signatoriesHeading}</h2>
        <FactSourceLine source="companies" />
        {signatories.length === 0 ? (
          <EmptyState>{t.myOrganisation.noSignatories}</EmptyState>
        ) : (
          <ul className="record-list">
            {signatories.map((person) => (
              <li key={formatName(person)}>{formatName(person)}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby={ids.properties}>
        <h2 id={ids.properties}>{t.registry.propertiesHeading}</h2>
        <FactSourceLine source="property" />
        <PropertyList properties={data.properties} label={t.registry.propertiesHeading} />
      </section>
    </div>
  );
}

function MyOrganisationView() {
  const { t } = useI18n();
  const { organisationId = '' } = useParams();
  const organisation = useMyOrganisation(organisationId);

  let body: ReactNode;
  if (organisation.isPending) body = <LoadingStatus />;
  else if (organisation.isError) {
    body = <ProblemAlert error={organisation.error} onRetry={() => void organisation.refetch()} />;
  } else body = <OrganisationDetails data={organisation.data} />;

  return (
    <Page title={organisation.data?.organisation.name ?? t.myOrganisation.title}>
      {body}
      <p className="back-link">
        <Link to={webPages.myDetails}>{t.myDetails.title}</Link>
      </p>
    </Page>
  );
}

/** `/mina-sidor/organisationer/:organisationId`: an organisation the citizen signs for. */
export function MyOrganisationPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.myOrganisation.title} permission="myPages.use" realm="citizen">
      {() => <MyOrganisationView />}
    </RequirePermission>
  );
}
