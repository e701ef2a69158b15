import { useI18n } from '../lib/i18n.tsx';

/** A polite "Loading …" announcement with a spinner, for content that is on its way. */
export function LoadingStatus({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p role="status" className="loading-status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t.common.loading}
    </p>
  );
}
