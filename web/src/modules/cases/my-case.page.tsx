import { type LocalizedText, type MyCaseDetail, webPages } from '@karna/contracts';
import { Link, useParams } from 'react-router';
import { RequirePermission } from '../../app/auth.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { DecisionDetails, StatusBadge, StatusTimeline } from '../services/case-parts.tsx';
import { AnswerList } from '../services/form/answer-list.tsx';
import { formatFileSize } from '../services/form/format-values.ts';
import { useCatalog, usePrefill, useServiceForm } from '../services/services.api.ts';
import { documentUrl, useMyCase } from './me-cases.api.ts';
import { MyCaseFacts } from './my-case-facts.tsx';
import '../services/services.css';

/**
 * The form a case was submitted with, to put the questions beside the answers. The case names its
 * e-service by title only, so the catalog entry with that title gives the form (its published
 * version: questions of an older version that it no longer has are shown by their names).
 */
function useFormOfService(title: LocalizedText) {
  const catalog = useCatalog({ q: '', lifeSituation: null });
  const slug = catalog.data?.items.find((entry) => entry.title.sv === title.sv)?.slug ?? null;
  const form = useServiceForm(slug ?? '', { enabled: slug !== null });
  return { form: form.data?.form ?? null, isPending: catalog.isPending || (slug !== null && form.isPending) };
}

function Answers({ item }: { item: MyCaseDetail }) {
  const { t, language, locale } = useI18n();
  const m = t.services.cases;
  const { form, isPending } = useFormOfService(item.serviceTitle);
  const prefill = usePrefill({ enabled: true });
  const files = new Map(
    item.documents
      .filter((document) => document.kind === 'attachment')
      .map((document) => [document.id, document]),
  );
  if (isPending) return <LoadingStatus />;
  if (!form) {
    return (
      <>
        <p className="muted">{m.answersUnavailable}</p>
        <dl className="details">
          {Object.entries(item.data).map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>
                {typeof value === 'string' || typeof value === 'number'
                  ? String(value)
                  : JSON.stringify(value)}
              </dd>
            </div>
          ))}
        </dl>
      </>
    );
  }
  return (
    <AnswerList
      context={{
        form,
        language,
        locale,
        m: t.services,
        prefill: prefill.data ?? null,
        files,
        concerns: item.concerns,
      }}
      data={item.data}
    />
  );
}

function CaseDetail({ item }: { item: MyCaseDetail }) {
  const { t, language, locale } = useI18n();
  const m = t.services.cases;
  return (
    <Page title={item.serviceTitle[language]}>
      <p className="lead">{m.detailTitle(item.registrationNumber)}</p>
      <div className="overview-grid">
        <section className="card" aria-labelledby="case-facts">
          <h2 id="case-facts">{m.status}</h2>
          <p>
            <StatusBadge status={item.status} />
          </p>
          <MyCaseFacts item={item} className="details" />
        </section>
        <section className="card" aria-labelledby="case-history">
          <h2 id="case-history">{m.historyHeading}</h2>
          <StatusTimeline history={item.statusHistory} labelledBy="case-history" />
        </section>
        <section className="card" aria-labelledby="case-decision">
          <h2 id="case-decision">{m.decisionHeading}</h2>
          {item.decision ? (
            <DecisionDetails decision={item.decision} />
          ) : (
            <p>{m.noDecision(formatDate(item.expectedDecisionBy, locale))}</p>
          )}
        </section>
        <section className="card" aria-labelledby="case-documents">
          <h2 id="case-documents">{m.documentsHeading}</h2>
          {item.documents.length === 0 ? (
            <EmptyState>{m.noDocuments}</EmptyState>
          ) : (
            <ul className="document-list">
              {item.documents.map((document) => (
                <li key={document.id}>
                  <span className="document-kind">{m.documentKinds[document.kind]}</span>
                  <a
                    className="document-link"
                    href={documentUrl(item.id, document.id)}
                    download={document.fileName}
                  >
                    {m.download(document.fileName, formatFileSize(document.size, locale))}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="answers-section" aria-labelledby="case-answers">
        <h2 id="case-answers">{m.answersHeading}</h2>
        <Answers item={item} />
      </section>
      <p className="back-link">
        <Link to={webPages.myCases}>{m.backToList}</Link>
      </p>
    </Page>
  );
}

function MyCase({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const m = t.services.cases;
  const query = useMyCase(caseId);
  if (query.data) return <CaseDetail item={query.data} />;
  const isMissing = query.error instanceof ApiError && query.error.status === 404;
  return (
    <Page title={isMissing ? t.notFound.title : m.title}>
      {query.isPending && <LoadingStatus />}
      {isMissing && <p>{t.notFound.text}</p>}
      {query.isError && !isMissing && (
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      )}
      <p className="back-link">
        <Link to={webPages.myCases}>{m.backToList}</Link>
      </p>
    </Page>
  );
}

/** `/mina-sidor/arenden/:caseId`: one of my cases — status and its history, decision, documents, answers. */
export function MyCasePage() {
  const { t } = useI18n();
  const { caseId = '' } = useParams();
  return (
    <RequirePermission title={t.services.cases.title} permission="myPages.use" realm="citizen">
      {() => <MyCase caseId={caseId} />}
    </RequirePermission>
  );
}
