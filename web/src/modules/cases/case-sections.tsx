import { type CaseView, pathTo } from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { hasPermission, useCurrentUser } from '../../app/auth.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { SecretBadge } from './case-badges.tsx';
import { formatFileSize, localized } from './case-format.ts';
import { documentUrl } from './cases.api.ts';
import { DocumentSecrecyToggle } from './document-secrecy.tsx';
import { describeEvent } from './history-format.ts';

// The case screen's sections that show: parties, documents (with a document's secrecy marking for
// those who may set it), the decision and the history.

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const headingId = useId();
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * The applicant and whom the case is about: names, masked personal numbers (the full number is on
 * the person overview, read with a purpose), protected people marked as such.
 */
export function PartiesSection({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const m = t.cases.parties;
  const user = useCurrentUser();
  const mayLookUp = hasPermission(user, 'persons.lookup');
  return (
    <Section title={m.heading}>
      {view.parties.length === 0 ? (
        <EmptyState>{m.none}</EmptyState>
      ) : (
        <ul className="record-list">
          {view.parties.map((party) => (
            <li key={`${party.role}:${party.personId ?? party.name}`}>
              <span className="record-line">{m.roles[party.role]}</span>
              <span className="record-title">{party.name}</span>
              {party.protected && <span className="badge badge-protected">{m.protected}</span>}
              {party.personalNumberMasked && (
                <dl className="record-facts">
                  <div>
                    <dt>{m.personalNumber}</dt>
                    <dd>{party.personalNumberMasked}</dd>
                  </div>
                </dl>
              )}
              {mayLookUp && party.personId && !party.protected && (
                <p className="card-link">
                  <Link to={pathTo('personOverview', { personId: party.personId })}>
                    {m.openPerson(party.name)}
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The case's documents, newest first, each a download link. */
export function DocumentsSection({ view }: { view: CaseView }) {
  const { t, locale } = useI18n();
  const m = t.cases.documents;
  const documents = [...view.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Section title={m.heading}>
      {documents.length === 0 ? (
        <EmptyState>{m.none}</EmptyState>
      ) : (
        <ul className="record-list">
          {documents.map((document) => (
            <li key={document.id}>
              <span className="record-line">{m.kinds[document.kind]}</span>
              <a href={documentUrl(view.id, document.id)} className="record-title document-link">
                {document.fileName}
              </a>
              {document.secret && <SecretBadge />}
              {view.can.markSecret && !view.secret && (
                <DocumentSecrecyToggle caseId={view.id} document={document} />
              )}
              <dl className="record-facts">
                <div>
                  <dt>{m.added}</dt>
                  <dd>
                    <time dateTime={document.createdAt}>{formatDateTime(document.createdAt, locale)}</time>
                  </dd>
                </div>
                <div>
                  <dt>{m.size}</dt>
                  <dd>{formatFileSize(document.size, locale)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The decision once made: outcome, when and by whom, the justification, and the PDF. */
export function DecisionCard({ view }: { view: CaseView }) {
  const { t, language, locale } = useI18n();
  const m = t.cases.decision;
  const { decision } = view;
  if (!decision) return null;
  return (
    <Section title={m.heading} className="card-primary decision-card">
      <p className="decision-outcome">{localized(decision.outcomeLabel, language)}</p>
      <dl className="details">
        <div>
          <dt>{m.decidedAt}</dt>
          <dd>
            <time dateTime={decision.decidedAt}>{formatDateTime(decision.decidedAt, locale)}</time>
          </dd>
        </div>
        <div>
          <dt>{m.decidedBy}</dt>
          <dd>{decision.automatic || !decision.decidedBy ? m.automatic : decision.decidedBy}</dd>
        </div>
        <div>
          <dt>{m.justification}</dt>
          <dd className="pre-line plain-value">{decision.justification}</dd>
        </div>
        <div>
          <dt>{m.appeal}</dt>
          <dd className="pre-line plain-value">{decision.appealInformation}</dd>
        </div>
      </dl>
      {decision.documentId && (
        <p className="card-link">
          <a href={documentUrl(view.id, decision.documentId)} className="link-arrow">
            {m.pdf}
          </a>
        </p>
      )}
    </Section>
  );
}

/** What has happened in the case, newest first: when, who, what. */
export function HistorySection({ view }: { view: CaseView }) {
  const { t, language, locale } = useI18n();
  const m = t.cases.history;
  const captionId = useId();
  const entries = [...view.history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Section title={m.heading}>
      {entries.length === 0 ? (
        <EmptyState>{m.none}</EmptyState>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1)
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table">
            <caption id={captionId} className="visually-hidden">
              {m.caption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{m.at}</th>
                <th scope="col">{m.actor}</th>
                <th scope="col">{m.action}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => {
                const { action, detail } = describeEvent(entry, view, t, language);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two events may share a time; the list never reorders
                  <tr key={`${entry.at}:${index}`}>
                    <td>
                      <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                    </td>
                    <td>{entry.actor ?? <span className="muted">{m.system}</span>}</td>
                    <td>
                      {action}
                      {detail && <span className="history-detail">{detail}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </Section>
  );
}
