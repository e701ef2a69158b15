import type { SessionUser } from '@karna/contracts';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { areasFor } from '../../app/areas.ts';
import { LoginLink, useSession } from '../../app/auth.tsx';
import { type Messages, useI18n } from '../../lib/i18n.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { ServiceCatalog } from '../services/catalog.tsx';

function LoginOptions() {
  const { t } = useI18n();
  return (
    <div className="card-grid">
      <section className="card card-primary" aria-labelledby="start-citizen">
        <h2 id="start-citizen">{t.start.citizenHeading}</h2>
        <p>{t.start.citizenText}</p>
        <p>
          <LoginLink realm="citizen" />
        </p>
      </section>
      <section className="card" aria-labelledby="start-staff">
        <h2 id="start-staff">{t.start.staffHeading}</h2>
        <p>{t.start.staffText}</p>
        <p>
          <LoginLink realm="staff" />
        </p>
      </section>
    </div>
  );
}

function LoggedInAreas({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const areas = areasFor(user);
  return (
    <section className="card" aria-labelledby="start-logged-in">
      <h2 id="start-logged-in">{t.start.loggedInHeading}</h2>
      {areas.length === 0 ? (
        <p>{t.start.noAreas}</p>
      ) : (
        <>
          <p>{t.start.loggedInText}</p>
          <ul className="link-list">
            {areas.map((area) => (
              <li key={area.path}>
                <Link to={area.path} className="link-arrow">
                  {area.label(t)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type LoginErrorMessages = Messages['start']['loginError'];

function loginErrorMessage(messages: LoginErrorMessages, code: string): string {
  return code in messages ? messages[code as keyof LoginErrorMessages] : messages.other;
}

/**
 * `/`: the e-service catalog, open to everyone before login (search, life situations, each
 * e-service with its promise and whether it needs a login), and the way in: login, or links to
 * one's areas when logged in.
 */
export function StartPage() {
  const { t } = useI18n();
  const session = useSession();
  // The server's logout sends the browser to `/?utloggad=1`.
  const [searchParams] = useSearchParams();
  const isLoggedOut = searchParams.get('utloggad') === '1' && session.data?.authenticated === false;
  // A login that did not complete comes back as `/?loginError=<code>`. Cancelling is the person's
  // own choice, not an error: it is told as plain information.
  const loginError = session.data?.authenticated === false ? searchParams.get('loginError') : null;
  const isLoginCancelled = loginError === 'login_cancelled';

  let body: ReactNode;
  if (session.isPending) body = <LoadingStatus />;
  else if (session.data?.authenticated) body = <LoggedInAreas user={session.data.user} />;
  else body = <LoginOptions />;

  return (
    <Page title={t.start.title}>
      {isLoginCancelled && (
        <div role="status" className="alert alert-info">
          <p>{t.start.loginError.login_cancelled}</p>
        </div>
      )}
      {loginError && !isLoginCancelled && (
        <div role="alert" className="alert alert-error">
          <p>{loginErrorMessage(t.start.loginError, loginError)}</p>
        </div>
      )}
      {isLoggedOut && (
        <p role="status" className="status-message">
          {t.start.loggedOut}
        </p>
      )}
      <p className="lead">{t.start.intro}</p>
      {session.isError && <ProblemAlert error={session.error} onRetry={() => void session.refetch()} />}
      <ServiceCatalog />
      {body}
    </Page>
  );
}
