import type { SessionResponse } from '@karna/contracts';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { ApiError, setCsrfToken } from '../lib/api.ts';
import { I18nProvider, useI18n } from '../lib/i18n.tsx';
import { sessionQueryKey } from './auth.tsx';
import { sessionClock } from './session-clock.ts';

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/**
 * One QueryClient for the app. A 401 from any call means the session has ended: refetch the
 * session so the pages show the login button. Client errors (4xx) are not retried.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && query.queryKey[0] !== sessionQueryKey[0]) {
          void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthenticated(error)) void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return queryClient;
}

/** React Aria's own texts and formats follow the UI language. */
function AriaLocale({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return <AriaI18nProvider locale={locale}>{children}</AriaI18nProvider>;
}

/** Everything the pages rely on: server state, UI language. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useEffect(() => {
    // A session that ended on its own (or by a logout in another tab) is gone from every page at
    // once, without asking the server: asking would renew a session that is still alive there.
    sessionClock.setOnSessionGone(() => {
      setCsrfToken(undefined);
      queryClient.setQueryData<SessionResponse>(sessionQueryKey, { authenticated: false });
    });
    return () => sessionClock.setOnSessionGone(null);
  }, [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AriaLocale>{children}</AriaLocale>
      </I18nProvider>
    </QueryClientProvider>
  );
}
