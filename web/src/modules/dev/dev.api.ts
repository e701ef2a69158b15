import { CaughtMailListResponse } from '@karna/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../lib/api.ts';

const CAUGHT_MAILS = '/api/dev/mails';

/**
 * The mails the local SMTP catcher took (`GET /api/dev/mails`, development and tests only; a 404
 * where the server has no catcher). Always stale, so coming back to the tab after doing something
 * that sends mail shows it without pressing refresh.
 */
export function useCaughtMails() {
  return useQuery({
    queryKey: ['dev', 'mails'],
    queryFn: ({ signal }) => apiGet(CAUGHT_MAILS, CaughtMailListResponse, signal),
    staleTime: 0,
  });
}
