import { ApiError, isClientErrorCode } from '../lib/api.ts';
import { type Messages, useI18n } from '../lib/i18n.tsx';
import { Button } from './button.tsx';

function titleOf(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    const { code, title } = error.problem;
    if (isClientErrorCode(code)) {
      return code === 'network_error' ? t.common.networkError : t.common.unexpectedResponse;
    }
    return title;
  }
  return t.common.unexpectedResponse;
}

/**
 * Shows a failed request to the user: the problem's `title` (already in the user's language) in
 * an alert, field errors below it, and the request id to quote to support.
 */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{titleOf(error, t)}</p>
      {problem?.detail && <p>{problem.detail}</p>}
      {problem?.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((fieldError) => (
            <li key={`${fieldError.path}:${fieldError.message}`}>{fieldError.message}</li>
          ))}
        </ul>
      )}
      {problem?.requestId && <p className="alert-meta">{t.common.errorReference(problem.requestId)}</p>}
      {onRetry && (
        <Button size="small" onPress={onRetry}>
          {t.common.retry}
        </Button>
      )}
    </div>
  );
}
