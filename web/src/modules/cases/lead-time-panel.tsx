import type { LeadTimeResponse } from '@karna/contracts';
import { type ReactNode, useId } from 'react';
import { swedishCollator } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { formatDays, localized } from './case-format.ts';
import { useLeadTimes } from './cases.api.ts';

type LeadTime = ReturnType<typeof LeadTimeResponse.parse>['items'][number];

function LeadTimeTable({ items, captionId }: { items: readonly LeadTime[]; captionId: string }) {
  const { t, language, locale } = useI18n();
  const m = t.cases.leadTimes;
  const days = (value: number | null) =>
    value === null ? <span className="muted">{m.noDecisions}</span> : m.days(formatDays(value, locale));
  const sorted = [...items].sort((a, b) =>
    swedishCollator.compare(localized(a.serviceTitle, language), localized(b.serviceTitle, language)),
  );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table lead-time-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.service}</th>
            <th scope="col">{m.columns.decided}</th>
            <th scope="col">{m.columns.median}</th>
            <th scope="col">{m.columns.p90}</th>
            <th scope="col">{m.columns.withinPromise}</th>
            <th scope="col">{m.columns.open}</th>
            <th scope="col">{m.columns.overdue}</th>
            <th scope="col">{m.columns.atRisk}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((item) => (
            <tr key={item.serviceSlug}>
              <th scope="row">{localized(item.serviceTitle, language)}</th>
              <td className="numeric">{item.decided}</td>
              <td>{days(item.medianWorkingDays)}</td>
              <td>{days(item.p90WorkingDays)}</td>
              <td>
                {item.decided === 0
                  ? days(null)
                  : m.share(item.withinPromise, Math.round((100 * item.withinPromise) / item.decided))}
              </td>
              <td className="numeric">{item.open}</td>
              <td className="numeric">{item.overdue}</td>
              <td className="numeric">{item.atRisk}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "Servicelöften": how long decisions take per e-service, against what the municipality promises. */
export function LeadTimePanel() {
  const { t } = useI18n();
  const m = t.cases.leadTimes;
  const leadTimes = useLeadTimes();
  const headingId = useId();
  const captionId = useId();

  let body: ReactNode;
  if (leadTimes.isPending) body = <LoadingStatus />;
  else if (leadTimes.isError)
    body = <ProblemAlert error={leadTimes.error} onRetry={() => void leadTimes.refetch()} />;
  else if (leadTimes.data.items.length === 0) body = <EmptyState>{m.empty}</EmptyState>;
  else body = <LeadTimeTable items={leadTimes.data.items} captionId={captionId} />;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      <p className="muted">{m.intro}</p>
      {body}
    </section>
  );
}
