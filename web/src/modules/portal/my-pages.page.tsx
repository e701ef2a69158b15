import { type SessionUser, webPages } from '@karna/contracts';
import { Link } from 'react-router';
import { RequirePermission } from '../../app/auth.tsx';
import { formatName } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Page } from '../../ui/page.tsx';
import { useMyCases } from '../cases/me-cases.api.ts';
import { useRepresentations } from './me.api.ts';

/**
 * "Företräda någon annan", for a citizen who has someone to act for (a child in custody, an
 * organisation they sign for). Without the answer (still loading, or failed) the entry is simply
 * not there: nothing else on the page depends on it.
 */
function ActingForEntry() {
  const { t } = useI18n();
  const representations = useRepresentations();
  const data = representations.data;
  if (!data || (data.children.length === 0 && data.organisations.length === 0)) return null;
  return (
    <section className="card" aria-labelledby="my-acting-for">
      <h2 id="my-acting-for">{t.myPages.actingForHeading}</h2>
      <p>{t.myPages.actingForText}</p>
      <p>
        <Link to={webPages.actingFor} className="link-arrow">
          {t.myPages.actingForLink}
        </Link>
      </p>
    </section>
  );
}

/** "Mina ärenden": how many cases there are, and the way to them and to what was started. */
function CasesEntry() {
  const { t } = useI18n();
  const cases = useMyCases();
  const count = cases.data?.length;
  return (
    <section className="card" aria-labelledby="my-cases">
      <h2 id="my-cases">{t.myPages.casesHeading}</h2>
      {count === 0 && <EmptyState>{t.myPages.noCases}</EmptyState>}
      {count !== undefined && count > 0 && <p>{t.services.cases.caseCount(count)}</p>}
      <p>{t.services.cases.myPagesText}</p>
      <p className="card-link">
        <Link to={webPages.myCases} className="link-arrow">
          {t.services.cases.myPagesLink}
        </Link>
      </p>
    </section>
  );
}

function MyPages({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const name = formatName(user);
  return (
    <Page title={t.myPages.title}>
      <p className="lead">{t.myPages.welcome(name)}</p>
      <div className="card-grid">
        <section className="card" aria-labelledby="my-details">
          <h2 id="my-details">{t.myPages.detailsHeading}</h2>
          <dl className="details">
            <div>
              <dt>{t.myPages.name}</dt>
              <dd>{name}</dd>
            </div>
            {user.personalNumberMasked && (
              <div>
                <dt>{t.myPages.personalNumber}</dt>
                <dd>{user.personalNumberMasked}</dd>
              </div>
            )}
          </dl>
          <p className="card-link">
            <Link to={webPages.myDetails} className="link-arrow">
              {t.myPages.detailsLink}
            </Link>
          </p>
          <p className="muted">{t.myPages.detailsLinkText}</p>
        </section>
        <ActingForEntry />
        <CasesEntry />
        <section className="card" aria-labelledby="my-messages">
          <h2 id="my-messages">{t.myPages.messagesHeading}</h2>
          <EmptyState>{t.myPages.noMessages}</EmptyState>
        </section>
      </div>
    </Page>
  );
}

/** `/mina-sidor`: the citizen's own page (permission `myPages.use`). Messages come later. */
export function MyPagesPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.myPages.title} permission="myPages.use" realm="citizen">
      {(user) => <MyPages user={user} />}
    </RequirePermission>
  );
}
