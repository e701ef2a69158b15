import { pathTo, webPages } from '@karna/contracts';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../../app/auth.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { documentUrl, useMyCase } from '../cases/me-cases.api.ts';
import type { ReceiptState } from './form/use-form-session.ts';
import './services.css';

function isReceiptState(state: unknown): state is ReceiptState {
  return (
    typeof state === 'object' &&
    state !== null &&
    'submitted' in state &&
    typeof (state as ReceiptState).submitted?.registrationNumber === 'string'
  );
}

/** The anonymous submitter's only way back to the case: the tracking link, to copy now. */
function TrackingLink({ token }: { token: string }) {
  const { t } = useI18n();
  const m = t.services.receipt;
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // The token goes in the fragment, which browsers never send: it stays out of every server log.
  const url = `${window.location.origin}${webPages.trackCase}#${token}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };
  return (
    <section className="card card-primary tracking-panel" aria-labelledby="tracking-heading">
      <h2 id="tracking-heading">{m.trackingHeading}</h2>
      <p>{m.trackingText}</p>
      <div className="field">
        <label htmlFor="tracking-link" className="field-label">
          {m.trackingLink}
        </label>
        {/* A text area, not an input: the whole link wraps into view, however narrow the screen. */}
        <textarea
          id="tracking-link"
          className="tracking-link"
          readOnly
          rows={3}
          value={url}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="button-row">
        <Button variant="primary" onPress={() => void copy()}>
          {m.copyLink}
        </Button>
        <a className="button button-secondary" href={`${webPages.trackCase}#${token}`}>
          {m.openTracking}
        </a>
      </div>
      <p role="status" className={copyState === 'idle' ? 'status-message-empty' : 'receipt-copy-status'}>
        {copyState === 'copied' ? m.copied : copyState === 'failed' ? m.copyFailed : ''}
      </p>
    </section>
  );
}

/** The PDF receipt among the case's documents, once the server has made it. */
function ReceiptDownload({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const m = t.services.receipt;
  // The receipt is written just after the case is registered: ask again for a little while.
  const myCase = useMyCase(caseId, { refetchUntilReceipt: true });
  const receipt = myCase.data?.documents.find((document) => document.kind === 'receipt');
  return (
    <>
      {receipt ? (
        <p>
          <a className="link-arrow" href={documentUrl(caseId, receipt.id)} download={receipt.fileName}>
            {m.receiptPdf}
          </a>
        </p>
      ) : (
        <p className="muted">{m.receiptPreparing}</p>
      )}
      <div className="link-row">
        <Link to={pathTo('myCase', { caseId })}>{m.toMyCase}</Link>
        <Link to={webPages.myCases}>{m.toMyCases}</Link>
      </div>
    </>
  );
}

/**
 * `/e-tjanster/kvitto/:caseId`: the receipt of a submission — the registration number, when it
 * was submitted and by when a decision is promised, the PDF receipt and the way to Mina sidor; for
 * an anonymous submission the tracking link, shown this once (it travels in the router's state).
 * A logged-in person who comes back later sees the same from their case.
 */
export function ReceiptPage() {
  const { t, language, locale } = useI18n();
  const m = t.services.receipt;
  const { caseId = '' } = useParams();
  const location = useLocation();
  const session = useSession();
  const state = isReceiptState(location.state) ? location.state : null;
  const isLoggedIn = session.data?.authenticated === true;
  const myCase = useMyCase(caseId, { enabled: isLoggedIn && !state });

  const submitted = state?.submitted ?? null;
  const fromCase = myCase.data ?? null;
  const registrationNumber = submitted?.registrationNumber ?? fromCase?.registrationNumber;
  const submittedAt = submitted?.submittedAt ?? fromCase?.submittedAt;
  const expectedDecisionBy = submitted?.expectedDecisionBy ?? fromCase?.expectedDecisionBy;
  const serviceTitle = state?.serviceTitle ?? fromCase?.serviceTitle;

  if (!registrationNumber || !submittedAt || !expectedDecisionBy) {
    const isLoading = session.isPending || (isLoggedIn && myCase.isPending);
    return (
      <Page title={m.titleGeneric}>
        {isLoading ? (
          <LoadingStatus />
        ) : (
          <>
            <p>{m.noReceipt}</p>
            <p>
              <Link to={webPages.myCases}>{m.toMyCases}</Link>
            </p>
          </>
        )}
      </Page>
    );
  }

  return (
    <Page title={m.title}>
      {serviceTitle && <p className="lead">{m.intro(serviceTitle[language])}</p>}
      <div className="receipt-panel">
        <dl className="details">
          <div>
            <dt>{m.registrationNumber}</dt>
            <dd className="receipt-number">{registrationNumber}</dd>
          </div>
          <div>
            <dt>{m.submittedAt}</dt>
            <dd>{formatDateTime(submittedAt, locale)}</dd>
          </div>
          <div>
            <dt>{m.expectedDecision}</dt>
            <dd>{formatDate(expectedDecisionBy, locale)}</dd>
          </div>
        </dl>
        <p className="receipt-promise">{m.expectedDecisionText(formatDate(expectedDecisionBy, locale))}</p>
      </div>
      {submitted?.trackingToken ? (
        <TrackingLink token={submitted.trackingToken} />
      ) : (
        isLoggedIn && <ReceiptDownload caseId={caseId} />
      )}
    </Page>
  );
}
