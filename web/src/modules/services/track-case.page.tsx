import { type TrackedCase, TrackingRequest, webPages } from '@karna/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { StatusBadge, StatusTimeline } from './case-parts.tsx';
import { downloadTrackedDocument, useTrackedCase } from './services.api.ts';
import './services.css';

/** The token of a tracking link, a bare token or the address's fragment; `null` when it is none. */
export function tokenOf(text: string): string | null {
  const trimmed = text.trim();
  const candidate = trimmed.includes('#') ? trimmed.slice(trimmed.indexOf('#') + 1) : trimmed;
  return TrackingRequest.shape.token.safeParse(candidate).success ? candidate : null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Ask for the link when the page was opened without one (or with half of one). */
function LinkForm({ initial }: { initial: string }) {
  const { t } = useI18n();
  const m = t.services.track;
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const [failedTries, setFailedTries] = useState(initial ? 1 : 0);
  const isInvalid = failedTries > 0 && tokenOf(text) === null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = tokenOf(text);
    if (!token) {
      setFailedTries((count) => count + 1);
      return;
    }
    navigate({ pathname: webPages.trackCase, hash: token });
  };
  return (
    <form className="form narrow-form" onSubmit={submit} noValidate>
      <ErrorSummary
        title={t.common.errorSummaryTitle}
        errors={isInvalid ? [{ fieldId: 'tracking-link', message: m.linkInvalid }] : []}
        focusKey={failedTries}
      />
      <TextField
        id="tracking-link"
        label={m.linkLabel}
        description={m.linkHelp}
        value={text}
        onChange={setText}
        errorMessage={isInvalid ? m.linkInvalid : null}
      />
      <div className="button-row">
        <Button type="submit" variant="primary">
          {m.show}
        </Button>
      </div>
    </form>
  );
}

/** The receipt and the decision, saved through the tracking link (a POST: the token stays out of addresses). */
function TrackedDocuments({ token, documents }: { token: string; documents: TrackedCase['documents'] }) {
  const { t } = useI18n();
  const m = t.services.track;
  const queryClient = useQueryClient();
  const [failed, setFailed] = useState(false);
  const save = (document: TrackedCase['documents'][number]) => {
    setFailed(false);
    downloadTrackedDocument(queryClient, token, document).catch(() => setFailed(true));
  };
  return (
    <section className="card" aria-labelledby="tracked-documents">
      <h2 id="tracked-documents">{m.documentsHeading}</h2>
      <div className="button-row">
        {documents.map((document) => (
          <Button key={`${document.kind}-${document.fileName}`} onPress={() => save(document)}>
            {m.documents[document.kind]}
          </Button>
        ))}
      </div>
      {failed && (
        <p role="alert" className="alert alert-error">
          {m.downloadFailed}
        </p>
      )}
    </section>
  );
}

/**
 * `/folj-arende#<token>`: how an anonymous submission is going, by the link its receipt gave. The
 * token is in the fragment so it never reaches a server log; the page reads it and asks
 * `POST /api/cases/track`. What shows is the status only, never personal data.
 */
export function TrackCasePage() {
  const { t, language, locale } = useI18n();
  const m = t.services.track;
  const r = t.services.receipt;
  const location = useLocation();
  const hash = safeDecode(location.hash.replace(/^#/, ''));
  const token = tokenOf(hash);
  const tracked = useTrackedCase(token);

  let body: ReactNode;
  if (!token) body = <LinkForm key={hash} initial={hash} />;
  else if (tracked.isPending) body = <LoadingStatus />;
  else if (tracked.isError) {
    const isUnknown = tracked.error instanceof ApiError && [400, 404].includes(tracked.error.status);
    body = (
      <>
        {isUnknown ? (
          <div role="alert" className="alert alert-error">
            <p>{m.notFound}</p>
          </div>
        ) : (
          <ProblemAlert error={tracked.error} onRetry={() => void tracked.refetch()} />
        )}
        <LinkForm key={`${hash}-retry`} initial="" />
      </>
    );
  } else {
    const item = tracked.data;
    body = (
      <>
        <section className="card" aria-labelledby="tracked-heading">
          <h2 id="tracked-heading">{item.serviceTitle[language]}</h2>
          <dl className="details">
            <div>
              <dt>{r.registrationNumber}</dt>
              <dd>{item.registrationNumber}</dd>
            </div>
            <div>
              <dt>{t.services.cases.status}</dt>
              <dd>
                <StatusBadge status={item.status} />
              </dd>
            </div>
            <div>
              <dt>{r.submittedAt}</dt>
              <dd>{formatDateTime(item.submittedAt, locale)}</dd>
            </div>
            <div>
              <dt>{item.decision ? t.services.cases.decidedAt : r.expectedDecision}</dt>
              <dd>
                {item.decision
                  ? formatDateTime(item.decision.decidedAt, locale)
                  : formatDate(item.expectedDecisionBy, locale)}
              </dd>
            </div>
            {item.decision && (
              <div>
                <dt>{t.services.cases.outcome}</dt>
                <dd>{item.decision.outcomeLabel[language]}</dd>
              </div>
            )}
          </dl>
        </section>
        {item.documents.length > 0 && token && <TrackedDocuments token={token} documents={item.documents} />}
        <section className="card tracked-history" aria-labelledby="tracked-history">
          <h2 id="tracked-history">{t.services.cases.historyHeading}</h2>
          <StatusTimeline history={item.statusHistory} labelledBy="tracked-history" />
        </section>
        <p>
          <Link to={webPages.trackCase}>{m.other}</Link>
        </p>
      </>
    );
  }

  return (
    <Page title={m.title}>
      <p className="lead">{m.intro}</p>
      <div className="stack">{body}</div>
    </Page>
  );
}
