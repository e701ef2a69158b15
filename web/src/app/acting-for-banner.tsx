import { type ActingFor, webPages } from '@karna/contracts';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type Messages, useI18n } from '../lib/i18n.tsx';
import { useChooseActingFor } from '../modules/portal/me.api.ts';
import { displayOrganisationNumber } from '../modules/registry/registry-facts.tsx';
import { Button } from '../ui/button.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { useSession } from './auth.tsx';

function whom(actingFor: ActingFor): string {
  return actingFor.kind === 'child'
    ? actingFor.name
    : `${actingFor.name} (${displayOrganisationNumber(actingFor.organisationNumber)})`;
}

function bannerText(actingFor: ActingFor, t: Messages): string {
  return actingFor.kind === 'child'
    ? t.actingForBanner.child(actingFor.name)
    : t.actingForBanner.organisation(actingFor.name, displayOrganisationNumber(actingFor.organisationNumber));
}

function sameActingFor(a: ActingFor | null, b: ActingFor | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'child' && b.kind === 'child') return a.personId === b.personId;
  if (a.kind === 'organisation' && b.kind === 'organisation') return a.organisationId === b.organisationId;
  return false;
}

/**
 * What to announce when the choice changes within one session ("Du företräder nu …", "Du
 * företräder inte längre …"); nothing on the first load or when the session ends.
 */
function useActingForAnnouncement(authenticated: boolean, actingFor: ActingFor | null): string | null {
  const { t } = useI18n();
  const previous = useRef<{ authenticated: boolean; actingFor: ActingFor | null } | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = { authenticated, actingFor };
    if (!before?.authenticated || !authenticated || sameActingFor(before.actingFor, actingFor)) return;
    if (actingFor) setAnnouncement(t.actingFor.chosen(whom(actingFor)));
    else if (before.actingFor) setAnnouncement(t.actingForBanner.stopped(whom(before.actingFor)));
  }, [authenticated, actingFor, t]);
  return announcement;
}

/**
 * While a citizen acts for a child or an organisation, every page says so at the top, with a way
 * to change whom they act for and to stop (A5: it must never be unclear on whose behalf one acts).
 */
export function ActingForBanner() {
  const { t } = useI18n();
  const session = useSession();
  const authenticated = session.data?.authenticated ?? false;
  const actingFor = session.data?.authenticated ? session.data.actingFor : null;
  const stop = useChooseActingFor();
  const announcement = useActingForAnnouncement(authenticated, actingFor);

  const stopActing = () => {
    if (stop.isPending) return;
    stop.mutate(
      { kind: 'self' },
      {
        // The banner and its buttons are gone: focus goes to the page's heading, the change is announced.
        onSuccess: () => document.querySelector<HTMLElement>('#main h1')?.focus(),
      },
    );
  };

  return (
    <>
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
      {actingFor && (
        <section className="acting-for-banner" aria-label={t.actingForBanner.label}>
          <div className="container acting-for-inner">
            <p className="acting-for-text">
              <span className="acting-for-icon" aria-hidden="true">
                ⇄
              </span>
              <strong>{bannerText(actingFor, t)}</strong>
            </p>
            <div className="acting-for-actions">
              <Link to={webPages.actingFor} className="button button-secondary button-small">
                {t.actingForBanner.change}
                <span className="visually-hidden">{t.actingForBanner.changeHidden}</span>
              </Link>
              {/* Not `isPending`: React Aria's announcement of it would point at a button gone once done. */}
              <Button size="small" onPress={stopActing}>
                {stop.isPending ? t.actingForBanner.stopping : t.actingForBanner.stop}
              </Button>
            </div>
            {stop.isError && <ProblemAlert error={stop.error} />}
          </div>
        </section>
      )}
    </>
  );
}
