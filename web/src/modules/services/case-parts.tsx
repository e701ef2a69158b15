import type { CaseStatus, Decision, StatusChange } from '@karna/contracts';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';

// Pieces of a case as its applicant sees it, shared by Mina ärenden and the tracking page.

/** The case's status in the case type's own words, coloured by where it stands. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { language } = useI18n();
  return <span className={`status-badge status-badge-${status.shared}`}>{status.label[language]}</span>;
}

/** The statuses the case has had, oldest first, with when (Swedish time). */
export function StatusTimeline({
  history,
  labelledBy,
}: {
  history: readonly StatusChange[];
  labelledBy: string;
}) {
  const { language, locale } = useI18n();
  const ordered = [...history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="timeline" aria-labelledby={labelledBy}>
      {ordered.map((change) => (
        <li key={`${change.at}-${change.code}`} className="timeline-item">
          <span className="timeline-label">{change.label[language]}</span>
          <time className="timeline-time" dateTime={change.at}>
            {formatDateTime(change.at, locale)}
          </time>
        </li>
      ))}
    </ol>
  );
}

/** The decision: outcome, when and by whom, the reasons and how to appeal. */
export function DecisionDetails({ decision }: { decision: Decision }) {
  const { t, language, locale } = useI18n();
  const m = t.services.cases;
  return (
    <>
      <dl className="details">
        <div>
          <dt>{m.outcome}</dt>
          <dd>{decision.outcomeLabel[language]}</dd>
        </div>
        <div>
          <dt>{m.decidedAt}</dt>
          <dd>{formatDateTime(decision.decidedAt, locale)}</dd>
        </div>
        {decision.decidedBy && (
          <div>
            <dt>{m.decidedBy}</dt>
            <dd>{decision.decidedBy}</dd>
          </div>
        )}
      </dl>
      {decision.automatic && <p className="muted decision-automatic">{m.decidedAutomatically}</p>}
      <h3>{m.justification}</h3>
      <p className="pre-line">{decision.justification}</p>
      <h3>{m.appeal}</h3>
      <p className="pre-line">{decision.appealInformation}</p>
    </>
  );
}
