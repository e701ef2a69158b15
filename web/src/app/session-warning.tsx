import { type LoginRealm, SessionResponse } from '@karna/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useLocation } from 'react-router';
import { apiRequest } from '../lib/api.ts';
import { type Messages, useI18n } from '../lib/i18n.tsx';
import { Button } from '../ui/button.tsx';
import { ProblemAlert } from '../ui/problem-alert.tsx';
import { applySession, currentReturnTo, loginUrl, sessionQueryKey, useLogout } from './auth.tsx';
import { sessionClock, useSessionClock } from './session-clock.ts';

/** Remaining seconds at which a screen reader hears the time left (never every second). */
const ANNOUNCE_AT_SECONDS = [60, 20];

function formatDuration(t: Messages, totalSeconds: number): string {
  return t.session.duration(Math.floor(totalSeconds / 60), totalSeconds % 60);
}

/** `Date.now()`, updated every `intervalMs`. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** `POST /api/session/extend`: renews the idle expiry, answering like `GET /api/session`. */
function useExtendSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest('/api/session/extend', { method: 'POST', body: {}, schema: SessionResponse }),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, applySession(session));
      sessionClock.afterExtend();
    },
  });
}

interface WarningProps {
  realm: LoginRealm;
  expiresAt: number;
  isFinal: boolean;
  /** Lives in the parent: the dialog closes as soon as the new expiry arrives, before the body. */
  extend: ReturnType<typeof useExtendSession>;
  onStayLoggedIn: () => void;
}

function SessionWarning({ realm, expiresAt, isFinal, extend, onStayLoggedIn }: WarningProps) {
  const { t } = useI18n();
  const location = useLocation();
  const now = useNow(1000);
  const logout = useLogout();
  const textId = useId();
  const timeId = useId();
  const loginAgainRef = useRef<HTMLAnchorElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const secondsLeft = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  const previousSeconds = useRef(secondsLeft);
  const wasFinal = useRef(isFinal);

  // The countdown is visible every second but heard only at a few moments.
  useEffect(() => {
    const previous = previousSeconds.current;
    previousSeconds.current = secondsLeft;
    const crossed = ANNOUNCE_AT_SECONDS.find((mark) => previous > mark && secondsLeft <= mark);
    if (crossed !== undefined) setAnnouncement(t.session.timeLeftAnnouncement(formatDuration(t, crossed)));
  }, [secondsLeft, t]);

  // Extending found the absolute limit: the pressed button is gone, so say so and move focus on.
  useEffect(() => {
    if (isFinal && !wasFinal.current) {
      setAnnouncement(t.session.finalText);
      loginAgainRef.current?.focus();
    }
    wasFinal.current = isFinal;
  }, [isFinal, t]);

  // Escape is a choice, never a silent dismissal: it keeps the session (the safe choice) or, when
  // the time cannot be extended, closes the notice as "Stäng" does.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (isFinal) sessionClock.acknowledgeFinal();
    else onStayLoggedIn();
  };

  return (
    <Dialog role="alertdialog" className="dialog" aria-describedby={`${textId} ${timeId}`}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: catches Escape from the dialog's buttons */}
      <div onKeyDown={onKeyDown}>
        <Heading slot="title" className="dialog-heading">
          {t.session.warningTitle}
        </Heading>
        <p id={textId}>{isFinal ? t.session.finalText : t.session.warningText}</p>
        <p id={timeId} className="session-countdown">
          {t.session.timeLeft(formatDuration(t, secondsLeft))}
        </p>
        <div role="status" className="visually-hidden">
          {announcement}
        </div>
        {extend.isError && <ProblemAlert error={extend.error} />}
        {logout.isError && <ProblemAlert error={logout.error} />}
        <div className="button-row">
          {isFinal ? (
            <>
              <a
                ref={loginAgainRef}
                className="button button-primary"
                href={loginUrl(realm, currentReturnTo(location))}
              >
                {t.session.loginAgain}
              </a>
              <Button onPress={() => sessionClock.acknowledgeFinal()}>{t.session.close}</Button>
            </>
          ) : (
            <>
              {/* No isPending: its announcement would point at this button, which the answer may remove. */}
              <Button variant="primary" autoFocus onPress={onStayLoggedIn}>
                {t.session.stayLoggedIn}
              </Button>
              <Button onPress={() => logout.mutate()} isPending={logout.isPending}>
                {logout.isPending ? t.shell.loggingOut : t.shell.logout}
              </Button>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/**
 * Warns before the session ends (WCAG 2.2.1): a modal alert dialog with a visible countdown and two
 * choices, "Fortsätt vara inloggad" (renews the session) and "Logga ut". When the session has
 * reached its absolute limit it says so and offers to log in again instead.
 */
export function SessionWarningDialog() {
  const { t } = useI18n();
  const { realm, expiresAt, isWarning, isFinal, isFinalAcknowledged } = useSessionClock();
  const [confirmation, setConfirmation] = useState('');
  const extend = useExtendSession();
  const stayLoggedIn = () => {
    if (extend.isPending) return;
    extend.mutate(undefined, {
      onSuccess: () => {
        if (!sessionClock.getState().isFinal) setConfirmation(t.session.stillLoggedIn);
      },
    });
  };
  const isOpen = realm !== null && expiresAt !== null && isWarning && !(isFinal && isFinalAcknowledged);

  // A new warning starts without the previous confirmation, so the next one is announced again.
  useEffect(() => {
    if (isOpen) setConfirmation('');
  }, [isOpen]);

  return (
    <>
      <div role="status" className="visually-hidden">
        {confirmation}
      </div>
      <ModalOverlay isOpen={isOpen} isDismissable={false} isKeyboardDismissDisabled className="modal-overlay">
        <Modal className="modal">
          {realm !== null && expiresAt !== null && (
            <SessionWarning
              realm={realm}
              expiresAt={expiresAt}
              isFinal={isFinal}
              extend={extend}
              onStayLoggedIn={stayLoggedIn}
            />
          )}
        </Modal>
      </ModalOverlay>
    </>
  );
}
