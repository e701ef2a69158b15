import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { LoadingStatus } from '../../ui/loading-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';

/** A report's CSV: a download link named for what it holds. */
export function CsvLink({ href, what }: { href: string; what: string }) {
  const { t } = useI18n();
  return (
    <p className="csv-link">
      <a href={href} download>
        {t.portfolio.terms.csvOf(what)}
      </a>
    </p>
  );
}

/** What a query shows while it loads or when it failed; `null` once there is data. */
export function queryState(query: {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}): ReactNode {
  if (query.isPending) return <LoadingStatus />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return null;
}
