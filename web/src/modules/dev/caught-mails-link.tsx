import { webPages } from '@karna/contracts';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { useHasMailCatcher } from './dev.api.ts';

/**
 * A footer list item linking to the caught mails, shown only where the server runs the mail
 * catcher (development and tests), so a newcomer finds the mail Kärna sent. Nothing elsewhere.
 */
export function CaughtMailsFooterLink() {
  const { t } = useI18n();
  if (!useHasMailCatcher()) return null;
  return (
    <li>
      <Link to={webPages.caughtMails}>{t.dev.caughtMails.footerLink}</Link>
    </li>
  );
}
