import { type ActingFor, type PersonOverview, pathTo } from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { RequirePermission, useSession } from '../../app/auth.tsx';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import {
  AddressLines,
  displayPersonalNumber,
  Fact,
  isProtected,
  OrganisationList,
  PropertyList,
  ProtectedBadge,
  RelativeList,
} from '../registry/registry-facts.tsx';
import { ContactForm } from './contact-form.tsx';
import { type FactSource, FactSourceLine } from './fact-source.tsx';
import { LookupList } from './lookup-list.tsx';
import { useMyPerson } from './me.api.ts';

function Section({ title, source, children }: { title: string; source?: FactSource; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {source && <FactSourceLine source={source} />}
      {children}
    </section>
  );
}

function RegisteredFacts({ overview }: { overview: PersonOverview }) {
  const { t, locale } = useI18n();
  const { person } = overview;
  const name = [person.givenName, person.middleName, person.familyName].filter(Boolean).join(' ');
  return (
    <Section title={t.myDetails.registeredHeading} source="population">
      {isProtected(person.protection) && (
        <p className="badge-row">
          <ProtectedBadge />
        </p>
      )}
      <dl className="details">
        <Fact term={t.registry.name}>{name}</Fact>
        <Fact term={person.isCoordinationNumber ? t.registry.coordinationNumber : t.registry.personalNumber}>
          {displayPersonalNumber(person.personalNumber)}
        </Fact>
        <Fact term={t.registry.birthDate}>
          {formatDate(person.birthDate, locale)} ({t.registry.age(person.age)})
        </Fact>
        <Fact term={t.registry.address}>
          {person.address ? <AddressLines address={person.address} /> : t.registry.noAddress}
        </Fact>
        {isProtected(person.protection) && (
          <Fact term={t.registry.protection}>{t.protections[person.protection]}</Fact>
        )}
        {person.deceasedOn && (
          <Fact term={t.registry.deceasedLabel}>{formatDate(person.deceasedOn, locale)}</Fact>
        )}
        {person.emigratedOn && (
          <Fact term={t.registry.emigratedLabel}>{formatDate(person.emigratedOn, locale)}</Fact>
        )}
      </dl>
    </Section>
  );
}

function Details({ overview, actingFor }: { overview: PersonOverview; actingFor: ActingFor | null }) {
  const { t } = useI18n();
  const m = t.myDetails;
  // Acting for a child shows the child's record; contact details can only be corrected by oneself.
  const forChild = actingFor?.kind === 'child';
  return (
    <div className="overview-grid">
      <RegisteredFacts overview={overview} />
      <Section title={m.contactHeading} source={forChild ? undefined : 'self'}>
        {forChild ? <p className="notice">{m.contactOnlyOwn}</p> : <p>{m.contactIntro}</p>}
        {!forChild && <ContactForm person={overview.person} />}
      </Section>
      {(!forChild || overview.children.length > 0) && (
        <Section title={forChild ? t.registry.childrenHeading : m.childrenHeading} source="population">
          <RelativeList
            people={overview.children}
            label={forChild ? t.registry.childrenHeading : m.childrenHeading}
            emptyText={t.registry.noChildren}
          />
        </Section>
      )}
      {overview.guardians.length > 0 && (
        <Section title={t.registry.guardiansHeading} source="population">
          <RelativeList
            people={overview.guardians}
            label={t.registry.guardiansHeading}
            emptyText={t.registry.noGuardians}
          />
        </Section>
      )}
      <Section title={t.registry.propertiesHeading} source="property">
        <PropertyList properties={overview.properties} label={t.registry.propertiesHeading} />
      </Section>
      <Section title={t.registry.organisationsHeading} source="companies">
        <OrganisationList
          organisations={overview.organisations}
          label={t.registry.organisationsHeading}
          renderName={
            forChild
              ? undefined
              : (organisation) => (
                  <Link to={pathTo('myOrganisation', { organisationId: organisation.id })}>
                    {organisation.name}
                  </Link>
                )
          }
        />
      </Section>
    </div>
  );
}

function MyDetails() {
  const { t } = useI18n();
  const m = t.myDetails;
  const session = useSession();
  const actingFor = session.data?.authenticated ? session.data.actingFor : null;
  const childName = actingFor?.kind === 'child' ? actingFor.name : null;
  const person = useMyPerson();
  const lookupsId = useId();

  let body: ReactNode;
  if (person.isPending) body = <LoadingStatus />;
  else if (person.isError) body = <ProblemAlert error={person.error} onRetry={() => void person.refetch()} />;
  else body = <Details overview={person.data} actingFor={actingFor} />;

  return (
    <Page title={childName ? m.titleFor(childName) : m.title}>
      <p className="lead">{childName ? m.introFor(childName) : m.intro}</p>
      {body}
      <section className="card lookups" aria-labelledby={lookupsId}>
        <h2 id={lookupsId}>{childName ? m.lookupsHeadingFor(childName) : m.lookupsHeading}</h2>
        <LookupList />
      </section>
    </Page>
  );
}

/**
 * `/mina-sidor/uppgifter`: what the municipality knows about the citizen (or the child they act
 * for), where each fact comes from and where it is corrected, their own contact details to
 * correct, and who has looked them up.
 */
export function MyDetailsPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.myDetails.title} permission="myPages.use" realm="citizen">
      {() => <MyDetails />}
    </RequirePermission>
  );
}
