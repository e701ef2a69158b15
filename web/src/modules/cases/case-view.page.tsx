import { type CaseView, type SessionUser, webPages } from '@karna/contracts';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { RequirePermission } from '../../app/auth.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { CloseSection, NotesSection, SecrecySection } from './case-actions.tsx';
import { CaseDataSection } from './case-data-section.tsx';
import { CaseHeader } from './case-header.tsx';
import { DecisionCard, DocumentsSection, HistorySection, PartiesSection } from './case-sections.tsx';
import { useCaseView } from './cases.api.ts';
import { ProcessSection } from './process-section.tsx';
import { TasksSection } from './tasks-section.tsx';
import './cases.css';

function CaseScreen({ view, user }: { view: CaseView; user: SessionUser }) {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const isClosed = view.status.shared === 'closed';
  // Closing takes the case's commands away, the button pressed with them: focus goes to the top,
  // once the dialog has let go of it (React Aria gives it back to the gone button first).
  const [focusTop, setFocusTop] = useState(0);
  useEffect(() => {
    if (focusTop === 0) return;
    const frame = requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusTop]);
  const closed = (text: string) => {
    setMessage(text);
    setFocusTop((count) => count + 1);
  };
  return (
    <>
      <LiveStatus message={message} />
      <CaseHeader view={view} user={user} />
      {!view.can.handle && <p className="notice case-read-only">{t.cases.view.readOnly}</p>}
      {view.process.state === 'failed' && (
        <div role="alert" className="alert alert-error case-read-only">
          <p>{t.cases.view.processFailed}</p>
        </div>
      )}
      <div className="case-layout">
        <div className="case-main">
          {!isClosed && <TasksSection view={view} />}
          <DecisionCard view={view} />
          <CaseDataSection view={view} />
          <ProcessSection view={view} />
        </div>
        <div className="case-aside">
          <PartiesSection view={view} />
          <DocumentsSection view={view} />
          <NotesSection view={view} />
          {view.can.markSecret && <SecrecySection view={view} />}
          {view.can.handle && !isClosed && <CloseSection view={view} onClosed={closed} />}
        </div>
      </div>
      <div className="stack">
        <HistorySection view={view} />
      </div>
    </>
  );
}

function CaseViewContent({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { caseId = '' } = useParams();
  const view = useCaseView(caseId);

  let body: ReactNode;
  if (view.isPending) body = <LoadingStatus />;
  else if (view.isError) body = <ProblemAlert error={view.error} onRetry={() => void view.refetch()} />;
  else body = <CaseScreen view={view.data} user={user} />;

  return (
    <Page title={view.data ? t.cases.view.title(view.data.registrationNumber) : t.cases.view.titleLoading}>
      <p className="case-back">
        <Link to={webPages.caseInbox}>{t.cases.view.back}</Link>
      </p>
      {body}
    </Page>
  );
}

/** `/handlaggning/arenden/:caseId`: one case, everything about it on one screen, and its commands. */
export function CaseViewPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.cases.view.titleLoading} permission="cases.read" realm="staff">
      {(user) => <CaseViewContent user={user} />}
    </RequirePermission>
  );
}
