import { type ReactNode, useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { formatRecordedPurpose } from '../registry/lookup-purpose.ts';
import { Fact } from '../registry/registry-facts.tsx';
import { useMyLookups } from './me.api.ts';

/** How many lookups show before "Visa alla": the newest are what people look for. */
const LOOKUPS_AT_FIRST = 10;

/** The times officers looked the person up: when (Swedish time), who, what and why. */
export function LookupList() {
  const { t, locale } = useI18n();
  const m = t.myDetails;
  const lookups = useMyLookups();
  const [showAll, setShowAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  // The button is gone once pressed: focus goes to the first lookup it brought out.
  useEffect(() => {
    if (showAll)
      listRef.current?.querySelector<HTMLElement>(`li:nth-child(${LOOKUPS_AT_FIRST + 1}) time`)?.focus();
  }, [showAll]);

  let body: ReactNode;
  if (lookups.isPending) body = <LoadingStatus />;
  else if (lookups.isError)
    body = <ProblemAlert error={lookups.error} onRetry={() => void lookups.refetch()} />;
  else if (lookups.data.items.length === 0) body = <EmptyState>{m.noLookups}</EmptyState>;
  else {
    const newestFirst = [...lookups.data.items].sort((a, b) => b.at.localeCompare(a.at));
    const shown = showAll ? newestFirst : newestFirst.slice(0, LOOKUPS_AT_FIRST);
    body = (
      <>
        <ul className="record-list" ref={listRef}>
          {shown.map((lookup, index) => (
            // Two lookups by one officer in the same instant are possible; the position tells them apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={`${lookup.at}-${index}`}>
              <time dateTime={lookup.at} className="record-title" tabIndex={-1}>
                {formatDateTime(lookup.at, locale)}
              </time>
              <dl className="record-facts">
                <Fact term={m.lookupWho}>{lookup.officer}</Fact>
                <Fact term={m.lookupWhat}>{m.lookupKinds[lookup.kind]}</Fact>
                <Fact term={m.lookupWhy}>{formatRecordedPurpose(lookup, t)}</Fact>
              </dl>
            </li>
          ))}
        </ul>
        {shown.length < newestFirst.length && (
          <div className="show-more">
            <p className="muted">{m.lookupsShown(shown.length, newestFirst.length)}</p>
            <Button size="small" onPress={() => setShowAll(true)}>
              {m.showAllLookups(newestFirst.length)}
            </Button>
          </div>
        )}
      </>
    );
  }
  return (
    <>
      <p>{m.lookupsIntro}</p>
      {body}
    </>
  );
}
