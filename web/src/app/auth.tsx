import {
  LoginQuery,
  type LoginRealm,
  LogoutResponse,
  type Permission,
  SessionResponse,
  type SessionUser,
  webPages,
} from '@karna/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { apiGet, apiRequest, setCsrfToken } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.tsx';
import { LoadingStatus } from '../ui/loading-status.tsx';
import { Page } from '../ui/page.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { sessionClock, useSessionClock } from './session-clock.ts';

export const sessionQueryKey = ['session'] as const;

/**
 * Hand a session description (`GET /api/session`, `POST /api/session/extend`) to the API client
 * (its CSRF token) and the session clock (its realm and expiry).
 */
export function applySession(session: SessionResponse): SessionResponse {
  setCsrfToken(session.authenticated ? session.csrfToken : undefined);
  sessionClock.sessionLoaded(session);
  return session;
}

async function fetchSession({ signal }: { signal: AbortSignal }): Promise<SessionResponse> {
  return applySession(await apiGet('/api/session', SessionResponse, signal));
}

/** The current session (`GET /api/session`), shared by every component under the key ['session']. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** The logged-in user, or `null` while loading, on error or when nobody is logged in. */
export function useCurrentUser(): SessionUser | null {
  const { data } = useSession();
  return data?.authenticated ? data.user : null;
}

export function hasPermission(user: SessionUser | null, permission: Permission): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/**
 * Where the login button sends the browser. Login is a full-page navigation: the server redirects
 * through the identity provider and back to `returnTo`.
 */
export function loginUrl(realm: LoginRealm, returnTo: string): string {
  return `/api/auth/login?${new URLSearchParams({ realm, returnTo: safeReturnTo(realm, returnTo) })}`;
}

/** The default page after login for each realm. */
export const homeOf: Record<LoginRealm, string> = {
  citizen: webPages.myPages,
  staff: webPages.workspace,
};

/**
 * `path` when the server will accept it as a place to return to (a path on this site, as
 * `location.pathname + location.search` gives it), otherwise the realm's home page.
 */
export function safeReturnTo(realm: LoginRealm, path: string): string {
  return LoginQuery.shape.returnTo.safeParse(path).success ? path : homeOf[realm];
}

/** The page the browser shows now, as a place to return to after login. */
export function currentReturnTo(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`;
}

/** Log out on the server, then follow its redirect (the identity provider's logout or the start page). */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/logout', { method: 'POST', body: {}, schema: LogoutResponse }),
    onMutate: () => sessionClock.markLoggingOut(true),
    onSuccess: ({ redirectTo }) => {
      setCsrfToken(undefined);
      sessionClock.loggedOut();
      window.location.assign(redirectTo);
    },
    onError: () => {
      sessionClock.markLoggingOut(false);
      // The session may have ended on its own (timeout): show the page as it now is.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

/** A link styled as a button that starts the login for a realm. */
export function LoginLink({
  realm,
  returnTo = homeOf[realm],
  variant = realm === 'citizen' ? 'primary' : 'secondary',
}: {
  realm: LoginRealm;
  returnTo?: string;
  variant?: 'primary' | 'secondary';
}) {
  const { t } = useI18n();
  return (
    <a className={`button button-${variant}`} href={loginUrl(realm, returnTo)}>
      {realm === 'citizen' ? t.auth.loginCitizen : t.auth.loginStaff}
    </a>
  );
}

interface RequirePermissionProps {
  /** The page's title, shown as its heading also while loading or when access is refused. */
  title: string;
  permission: Permission;
  /** Which login to offer someone who is not logged in. */
  realm: LoginRealm;
  children: (user: SessionUser) => ReactNode;
}

/**
 * Render a page only for a session with the permission. Without a session it shows a login
 * button (no automatic redirect, so no redirect loops); without the permission it says so.
 */
export function RequirePermission({ title, permission, realm, children }: RequirePermissionProps) {
  const { t } = useI18n();
  const session = useSession();
  const location = useLocation();
  const { ended } = useSessionClock();

  if (session.isPending) {
    return (
      <Page title={title}>
        <LoadingStatus />
      </Page>
    );
  }
  if (session.isError) {
    return (
      <Page title={title}>
        <ProblemAlert error={session.error} onRetry={() => void session.refetch()} />
      </Page>
    );
  }
  if (!session.data.authenticated) {
    // After a session ended on its own, the notice above the page says why and offers the login.
    if (ended) return <Page title={title} />;
    return (
      <Page title={title}>
        <p>{t.auth.loginRequired}</p>
        <p>
          <LoginLink realm={realm} returnTo={currentReturnTo(location)} variant="primary" />
        </p>
      </Page>
    );
  }
  const { user } = session.data;
  if (!hasPermission(user, permission)) {
    return (
      <Page title={title}>
        <p className="lead">{t.auth.forbidden}</p>
        <p>{t.auth.forbiddenHelp}</p>
        <p>
          <Link to={webPages.start}>{t.common.toStart}</Link>
        </p>
      </Page>
    );
  }
  return children(user);
}
