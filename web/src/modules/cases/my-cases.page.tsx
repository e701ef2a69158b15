import { type Draft, type MyCase, pathTo, webPages } from '@karna/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { RequirePermission } from '../../app/auth.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { Page } from '../../ui/page.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { StatusBadge } from '../services/case-parts.tsx';
import { type ContinueDraftState, useDrafts, useRemoveDraft } from '../services/services.api.ts';
import { useMyCases } from './me-cases.api.ts';
import { MyCaseFacts } from './my-case-facts.tsx';
import '../services/services.css';

function DraftItem({ draft, onRemoved }: { draft: Draft; onRemoved: (title: string) => void }) {
  const { t, language, locale } = useI18n();
  const m = t.services.cases;
  const remove = useRemoveDraft();
  const title = draft.serviceTitle[language];
  const state: ContinueDraftState = { continueDraft: draft.id };
  return (
    <li className="draft-item">
      <div>
        <span className="record-title">{title}</span>
        <span className="record-line">{m.draftSaved(formatDateTime(draft.updatedAt, locale))}</span>
      </div>
      <div className="draft-actions">
        <Link
          to={pathTo('serviceForm', { slug: draft.serviceSlug })}
          state={state}
          className="button button-secondary button-small"
        >
          {m.continueDraft}
          <span className="visually-hidden">{m.continueDraftHidden(title)}</span>
        </Link>
        <Button
          size="small"
          variant="quiet"
          onPress={() => {
            // No pending state: the draft's row (and this button) goes away when it is done.
            if (!remove.isPending) remove.mutate(draft.id, { onSuccess: () => onRemoved(title) });
          }}
        >
          {m.removeDraft}
          <span className="visually-hidden">{m.removeDraftHidden(title)}</span>
        </Button>
      </div>
      {remove.isError && <ProblemAlert error={remove.error} />}
    </li>
  );
}

function CaseItem({ item }: { item: MyCase }) {
  const { language } = useI18n();
  return (
    <li className="case-item">
      <h3>
        <Link to={pathTo('myCase', { caseId: item.id })}>{item.serviceTitle[language]}</Link>
      </h3>
      <StatusBadge status={item.status} />
      <MyCaseFacts item={item} className="record-facts" />
    </li>
  );
}

function MyCases() {
  const { t } = useI18n();
  const m = t.services.cases;
  const cases = useMyCases();
  const drafts = useDrafts();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Page title={m.title}>
      <p className="lead">{m.intro}</p>
      <LiveStatus message={message} />
      <div className="stack">
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">{m.draftsHeading}</h2>
          {drafts.isPending && <LoadingStatus />}
          {drafts.isError && <ProblemAlert error={drafts.error} onRetry={() => void drafts.refetch()} />}
          {drafts.data &&
            (drafts.data.length === 0 ? (
              <EmptyState>{m.noDrafts}</EmptyState>
            ) : (
              <>
                <p>{m.draftsIntro}</p>
                <ul className="draft-list">
                  {drafts.data.map((draft) => (
                    <DraftItem
                      key={draft.id}
                      draft={draft}
                      onRemoved={(title) => setMessage(m.draftRemoved(title))}
                    />
                  ))}
                </ul>
              </>
            ))}
        </section>
        <section aria-labelledby="cases-heading">
          <h2 id="cases-heading">{m.casesHeading}</h2>
          {cases.isPending && <LoadingStatus />}
          {cases.isError && <ProblemAlert error={cases.error} onRetry={() => void cases.refetch()} />}
          {cases.data &&
            (cases.data.length === 0 ? (
              <>
                <EmptyState>{m.noCases}</EmptyState>
                <p>
                  <Link to={webPages.start} className="link-arrow">
                    {m.toCatalog}
                  </Link>
                </p>
              </>
            ) : (
              <ul className="case-list">
                {cases.data.map((item) => (
                  <CaseItem key={item.id} item={item} />
                ))}
              </ul>
            ))}
        </section>
      </div>
    </Page>
  );
}

/** `/mina-sidor/arenden`: my cases (and my children's), and what I have started but not submitted. */
export function MyCasesPage() {
  const { t } = useI18n();
  return (
    <RequirePermission title={t.services.cases.title} permission="myPages.use" realm="citizen">
      {() => <MyCases />}
    </RequirePermission>
  );
}
