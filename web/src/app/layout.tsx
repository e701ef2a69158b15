import { webPages } from '@karna/contracts';
import { type RefObject, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { formatName } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';
import { Button } from '../ui/button.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { ActingForBanner } from './acting-for-banner.tsx';
import { areasFor, isExactArea } from './areas.ts';
import { useCurrentUser, useLogout } from './auth.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { municipalityContact } from './municipality.ts';
import { SessionEndedNotice, SessionTimeout } from './session-timeout.tsx';
import { TextSizeControls } from './text-size.tsx';

/**
 * After client-side navigation, move focus to the new page's `<h1>` so keyboard and screen reader
 * users start at the top of the new content (and hear its name). Not on the first page load.
 */
function useFocusHeadingOnNavigation(mainRef: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [pathname, mainRef]);
}

function MainNav() {
  const { t } = useI18n();
  const user = useCurrentUser();
  return (
    <nav aria-label={t.shell.mainNav} className="main-nav">
      <ul>
        <li>
          <NavLink to={webPages.start} end>
            {t.nav.start}
          </NavLink>
        </li>
        {areasFor(user).map((area) => (
          <li key={area.path}>
            <NavLink to={area.path} end={isExactArea(area)}>
              {area.label(t)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UserPanel() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();
  if (!user) return null;
  return (
    <div className="user-panel">
      <p className="user-name">
        <span className="user-name-label">{t.shell.loggedInAs}</span> <strong>{formatName(user)}</strong>
      </p>
      <Button size="small" onPress={() => logout.mutate()} isPending={logout.isPending}>
        {logout.isPending ? t.shell.loggingOut : t.shell.logout}
      </Button>
      {logout.isError && <ProblemAlert error={logout.error} />}
    </div>
  );
}

/** Contact details (WCAG 3.2.6 asks for them in the same place on every page) and the site's links. */
function SiteFooter() {
  const { t } = useI18n();
  const contact = municipalityContact;
  return (
    <footer className="site-footer">
      <div className="container footer-grid">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="footer-heading">
            {t.footer.contactHeading}
          </h2>
          <address className="footer-contact">
            <p>
              <strong>{t.footer.contactCentre}</strong>
              <br />
              {t.footer.phone}: <a href={contact.phone.href}>{contact.phone.display}</a>
              <br />
              {t.footer.email}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </p>
            <p>
              {t.footer.openingHours}: {t.footer.openingHoursText}
            </p>
            <p>
              {t.footer.visitingAddress}: {contact.visitingAddress.join(', ')}
              <br />
              {t.footer.postalAddress}: {contact.postalAddress.join(', ')}
            </p>
          </address>
        </section>
        <div>
          <nav aria-labelledby="footer-about">
            <h2 id="footer-about" className="footer-heading">
              {t.footer.aboutHeading}
            </h2>
            <ul className="footer-links">
              <li>
                <Link to={webPages.accessibility}>{t.footer.accessibility}</Link>
              </li>
              <li>
                <Link to={webPages.personalData}>{t.footer.personalData}</Link>
              </li>
              {/* Development and tests only: shown where the server runs the mail catcher. */}
            </ul>
          </nav>
          <p className="footer-about">{t.footer.about}</p>
        </div>
      </div>
    </footer>
  );
}

/** The shell around every page: skip link, header with tools and menu, main, footer. */
export function Layout() {
  const { t } = useI18n();
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigation(mainRef);

  return (
    <>
      {/* The browser moves focus to #main (it has tabIndex -1); the focus hook ignores hash changes. */}
      <a href="#main" className="skip-link">
        {t.shell.skipLink}
      </a>
      <header className="site-header">
        <div className="container header-top">
          <Link to={webPages.start} className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <path d="M4 28V10l6-6 6 6 6-6 6 6v18h-6V16l-6 6-6-6v12z" />
            </svg>
            <span className="brand-text">
              <span className="brand-name">{t.meta.municipality}</span>
              <span className="brand-service">{t.meta.serviceName}</span>
            </span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            <TextSizeControls />
          </div>
        </div>
        <div className="header-nav">
          <div className="container header-nav-inner">
            <MainNav />
            <UserPanel />
          </div>
        </div>
        <ActingForBanner />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container site-main">
        <SessionEndedNotice />
        <Outlet />
      </main>
      <SiteFooter />
      <SessionTimeout />
      <ScrollRestoration />
    </>
  );
}
