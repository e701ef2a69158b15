import { lazy, Suspense, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../lib/i18n.tsx';
import { loginUrl } from './auth.tsx';
import { sessionClock, useSessionClock } from './session-clock.ts';

// The dialog brings React Aria's modal code: load it once someone is logged in, not for every
// visitor, and not only when the warning is due (a failed load then would leave no warning).
const SessionWarningDialog = lazy(async () => {
  const { SessionWarningDialog } = await import('./session-warning.tsx');
  return { default: SessionWarningDialog };
});

/** The warning before the session ends, present while someone is logged in. */
export function SessionTimeout() {
  const { realm } = useSessionClock();
  if (!realm) return null;
  return (
    <Suspense fallback={null}>
      <SessionWarningDialog />
    </Suspense>
  );
}

function pathnameOf(path: string): string {
  return path.split('?')[0] ?? path;
}

/**
 * Tells the person why they are no longer logged in, on the page where it happened, with a button
 * that logs in again and comes back to that page. It goes when they open another page or log in.
 */
export function SessionEndedNotice() {
  const { t } = useI18n();
  const { ended } = useSessionClock();
  const { pathname } = useLocation();
  const noticeRef = useRef<HTMLDivElement>(null);
  const shown = useRef(ended);
  const endedPathname = ended ? pathnameOf(ended.returnTo) : null;

  useEffect(() => {
    if (endedPathname !== null && pathname !== endedPathname) sessionClock.clearEnded();
  }, [pathname, endedPathname]);

  // When the session ends while the page is open, focus may have been in the warning dialog that
  // just closed: put it on the notice rather than leave it nowhere. (A notice that was already
  // there when the page loaded leaves focus alone.) The delay lets the dialog restore focus first.
  useEffect(() => {
    if (!ended || ended === shown.current) return;
    shown.current = ended;
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) noticeRef.current?.focus();
    }, 100);
    return () => clearTimeout(timer);
  }, [ended]);

  if (!ended || pathname !== endedPathname) return null;
  return (
    <div ref={noticeRef} tabIndex={-1} role="alert" className="alert alert-info session-ended">
      <p className="alert-title">{t.session.endedTitle}</p>
      <p>{t.session.ended[ended.reason]}</p>
      <p>
        <a className="button button-primary" href={loginUrl(ended.realm, ended.returnTo)}>
          {t.session.loginAgain}
        </a>
      </p>
    </div>
  );
}
