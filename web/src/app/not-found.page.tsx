import { webPages } from '@karna/contracts';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { Page } from '../ui/page.tsx';

/** Any path no route knows. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t.notFound.title}>
      <p>{t.notFound.text}</p>
      <p>
        <Link to={webPages.start}>{t.common.toStart}</Link>
      </p>
    </Page>
  );
}
