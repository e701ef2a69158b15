import type { MyCase } from '@karna/contracts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

/**
 * What a citizen is told about one of their cases at a glance, in the list and on its page: the
 * registration number, whom it concerns, when it came in, and when it closed or a decision is
 * promised.
 */
export function MyCaseFacts({ item, className }: { item: MyCase; className: string }) {
  const { t, locale } = useI18n();
  const m = t.services.cases;
  return (
    <dl className={className}>
      <div>
        <dt>{m.registrationNumber}</dt>
        <dd>{item.registrationNumber}</dd>
      </div>
      {item.concerns && (
        <div>
          <dt>{m.concerns}</dt>
          <dd>{item.concerns}</dd>
        </div>
      )}
      <div>
        <dt>{m.submittedAt}</dt>
        <dd>{formatDateTime(item.submittedAt, locale)}</dd>
      </div>
      {item.closedAt ? (
        <div>
          <dt>{m.closedAt}</dt>
          <dd>{formatDateTime(item.closedAt, locale)}</dd>
        </div>
      ) : (
        <div>
          <dt>{m.expectedDecision}</dt>
          <dd>{formatDate(item.expectedDecisionBy, locale)}</dd>
        </div>
      )}
    </dl>
  );
}
