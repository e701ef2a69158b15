import { type ServiceForm, type SessionUser, webPages } from '@karna/contracts';
import { Link, useLocation, useParams } from 'react-router';
import { currentReturnTo, LoginLink, useSession } from '../../app/auth.tsx';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { FormFlow } from './form/form-flow.tsx';
import { useServiceForm } from './services.api.ts';
import './services.css';

/** What the e-service says about itself above the form: what it is for, its promise, who answers. */
function ServiceIntro({ service }: { service: ServiceForm }) {
  const { t, language } = useI18n();
  const m = t.services.form;
  return (
    <>
      <p className="lead">{service.description[language]}</p>
      <dl className="service-facts">
        <div>
          <dt>{m.promise}</dt>
          <dd>{service.promise.text[language]}</dd>
        </div>
        <div>
          <dt>{m.responsible}</dt>
          <dd>{service.responsibleUnitName}</dd>
        </div>
      </dl>
    </>
  );
}

/** Who may fill in the e-service now, and if not, what to do about it. */
function AccessGate({ service, user }: { service: ServiceForm; user: SessionUser | null }) {
  const { t } = useI18n();
  const m = t.services.form;
  const location = useLocation();
  const returnTo = currentReturnTo(location);
  if (service.audience === 'staffOnly' && user?.kind !== 'staff') {
    return (
      <section className="card card-primary" aria-labelledby="gate-heading">
        <h2 id="gate-heading">{m.loginNeededHeading}</h2>
        <p>{m.staffOnly}</p>
        {!user && (
          <p>
            <LoginLink realm="staff" returnTo={returnTo} variant="primary" />
          </p>
        )}
      </section>
    );
  }
  if (service.audience === 'loginRequired' && user?.kind !== 'citizen') {
    return (
      <section className="card card-primary" aria-labelledby="gate-heading">
        <h2 id="gate-heading">{m.loginNeededHeading}</h2>
        {user ? (
          <p>{m.citizenOnly}</p>
        ) : (
          <>
            <p>{m.loginNeeded}</p>
            <p>
              <LoginLink realm="citizen" returnTo={returnTo} variant="primary" />
            </p>
            <p className="muted">{m.loginAfter}</p>
          </>
        )}
      </section>
    );
  }
  return (
    <>
      {service.audience === 'anonymousAllowed' && !user && (
        <div className="notice anonymous-hint">
          <p>{m.anonymousHint}</p>
          <p>
            <LoginLink realm="citizen" returnTo={returnTo} variant="secondary" />
          </p>
        </div>
      )}
      {/* Another e-service, or another person (logging in or out), starts the form afresh. */}
      <FormFlow key={`${service.slug}:${user?.id ?? 'anonymous'}`} service={service} user={user} />
    </>
  );
}

/**
 * `/e-tjanster/:slug`: one e-service — who may use it (login when required), a saved draft to
 * continue, the form step by step with its checks, the review and the submission.
 */
export function ServiceFormPage() {
  const { t, language } = useI18n();
  const { slug = '' } = useParams();
  const session = useSession();
  const service = useServiceForm(slug);

  if (service.isError) {
    const isMissing = service.error instanceof ApiError && service.error.status === 404;
    return (
      <Page title={isMissing ? t.notFound.title : t.meta.serviceName}>
        {isMissing ? (
          <p>{t.services.form.notFound}</p>
        ) : (
          <ProblemAlert error={service.error} onRetry={() => void service.refetch()} />
        )}
        <p>
          <Link to={webPages.start}>{t.services.form.toCatalog}</Link>
        </p>
      </Page>
    );
  }
  if (service.isPending || session.isPending) {
    return (
      <Page title={service.data?.title[language] ?? t.meta.serviceName}>
        <LoadingStatus />
      </Page>
    );
  }
  if (session.isError) {
    return (
      <Page title={service.data.title[language]}>
        <ProblemAlert error={session.error} onRetry={() => void session.refetch()} />
      </Page>
    );
  }
  const user = session.data.authenticated ? session.data.user : null;
  return (
    <Page title={service.data.title[language]}>
      <ServiceIntro service={service.data} />
      <AccessGate service={service.data} user={user} />
    </Page>
  );
}
