import { webPages } from '@karna/contracts';
import { useEffect } from 'react';
import { Link, useRouteError } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { Page } from '../ui/page.tsx';

/** Shown inside the shell when a page throws while rendering, instead of a blank screen. */
export function RouteErrorPage() {
  const { t } = useI18n();
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <Page title={t.routeError.title}>
      <div role="alert" className="alert alert-error">
        <p className="alert-title">{t.routeError.text}</p>
      </div>
      <p>
        <Link to={webPages.start}>{t.common.toStart}</Link>
      </p>
    </Page>
  );
}
