import { useI18n } from '../../lib/i18n.tsx';
import type { DueState } from './case-format.ts';

/**
 * "Försenat" or "Snart försenat" beside a due date: words, never colour alone
 * (WCAG 1.4.1). Nothing for a case on time or already decided.
 */
export function DueBadge({ state }: { state: DueState }) {
  const { t } = useI18n();
  if (state === 'overdue') {
    return (
      <span className="badge badge-overdue">
        <span aria-hidden="true">! </span>
        {t.cases.due.overdue}
      </span>
    );
  }
  if (state === 'atRisk') {
    return <span className="badge badge-at-risk">{t.cases.due.atRisk}</span>;
  }
  return null;
}

/** "Sekretess" on a secret case or document. */
export function SecretBadge() {
  const { t } = useI18n();
  return <span className="badge badge-secret">{t.cases.secretBadge}</span>;
}
