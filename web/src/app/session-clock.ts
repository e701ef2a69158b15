import { type LoginRealm, SESSION_EXPIRES_HEADER, type SessionResponse } from '@karna/contracts';
import { useSyncExternalStore } from 'react';
import { type ApiAnswer, onApiAnswer } from '../lib/api.ts';
import { readStored, writeStored } from '../lib/storage.ts';

/**
 * Why a session ended without the person logging out: `idle` (unused until its idle expiry),
 * `limit` (its absolute limit), `ended` (the server no longer knows it, for a reason we cannot see).
 */
export type EndReason = 'idle' | 'limit' | 'ended';

export interface EndedSession {
  realm: LoginRealm;
  /** The page (path and query) the person was on, to come back to after logging in again. */
  returnTo: string;
  reason: EndReason;
}

export interface SessionClockState {
  /** The realm of this tab's session, or `null` when it has none. */
  realm: LoginRealm | null;
  /** When the session ends unless used again, on this device's clock (ms); `null` when unknown. */
  expiresAt: number | null;
  /** When the warning shows (ms, this device's clock). */
  warnAt: number | null;
  /** Inside the warning time: the dialog is due. */
  isWarning: boolean;
  /** Extending cannot move the expiry any more: the session has reached its absolute limit. */
  isFinal: boolean;
  /** The person closed the "you cannot extend any more" dialog; it does not come back. */
  isFinalAcknowledged: boolean;
  /** Set when the session ended on its own; cleared by the next login. */
  ended: EndedSession | null;
}

/** Warn two minutes before the end (WCAG 2.2.1 asks for at least 20 seconds to react). */
const WARNING_LEAD_MS = 2 * 60_000;
/** Observations of one expiry differ by the `Date` header's whole seconds and the network's delay. */
const JITTER_MS = 2_000;
/** The longest the clock sleeps before it looks at the time again. */
const RECHECK_MS = 1_000;
const ACTIVE_KEY = 'karna.session';
const ENDED_KEY = 'karna.sessionEnded';
const CHANNEL = 'karna.session';

/**
 * How long before the end to warn: two minutes, or halfway through a session that lasts less than
 * four minutes once renewed (so a short idle time, such as the one-minute sessions of the browser
 * journeys, still leaves time to use the page between warnings).
 */
export function warningLead(sessionLengthMs: number): number {
  return sessionLengthMs > 0 ? Math.min(WARNING_LEAD_MS, sessionLengthMs / 2) : WARNING_LEAD_MS;
}

/**
 * Converts the server's expiry to this device's clock. The server's `Date` header tells how far
 * away the expiry is whatever this device's clock says; it is rounded down to the second and sent
 * before the answer travels, so the result errs on the late side, never early.
 */
export function toLocalExpiry(expiresAtIso: string, serverDate: string | null, now: number): number | null {
  const expiresAt = Date.parse(expiresAtIso);
  if (Number.isNaN(expiresAt)) return null;
  const serverNow = serverDate ? Date.parse(serverDate) : Number.NaN;
  return Number.isNaN(serverNow) ? expiresAt : now + (expiresAt - serverNow);
}

interface ActiveMarker {
  realm: LoginRealm;
  expiresAt: number | null;
  isFinal: boolean;
}

type Message =
  | { type: 'expiry'; expiresAt: number; length: number; isFinal: boolean }
  | { type: 'loggedOut' };

function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/**
 * Follows the session's expiry from what the server says — `expiresAt` of `GET /api/session` and
 * the `x-session-expires-at` header of every API answer — without ever asking (a request renews the
 * session, so polling would keep it alive for ever). It says when to warn and, when the time has
 * passed or the server answers 401 to a session it believed alive, ends the session in the UI and
 * remembers why, for the notice on the page the person lands on. Tabs of the same browser tell each
 * other about renewals and logouts, so activity in one tab keeps the others from warning.
 */
export class SessionClock {
  #state: SessionClockState;
  #length = 0;
  #isLoggingOut = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #listeners = new Set<() => void>();
  #channel: BroadcastChannel | null = null;
  #onSessionGone: (() => void) | null = null;

  constructor() {
    this.#state = {
      realm: null,
      expiresAt: null,
      warnAt: null,
      isWarning: false,
      isFinal: false,
      isFinalAcknowledged: false,
      ended: parseJson<EndedSession>(readStored(ENDED_KEY, 'session')),
    };
  }

  /** Start listening to API answers, other tabs and the page waking up. Returns a stop function. */
  start(): () => void {
    const stopAnswers = onApiAnswer((answer) => this.observeAnswer(answer));
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#channel.onmessage = (event: MessageEvent<Message>) => this.#receive(event.data);
    }
    // Timers sleep with the computer and are slowed in background tabs: check again on return.
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.#tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopAnswers();
      this.#channel?.close();
      this.#channel = null;
      document.removeEventListener('visibilitychange', onVisible);
      clearTimeout(this.#timer);
    };
  }

  /** What to do when the session is gone (clear the cached session, the CSRF token). */
  setOnSessionGone(callback: (() => void) | null): void {
    this.#onSessionGone = callback;
  }

  getState = (): SessionClockState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Every API answer: follow the expiry header; a 401 to a live session means it has ended. */
  observeAnswer(answer: ApiAnswer): void {
    const header = answer.headers.get(SESSION_EXPIRES_HEADER);
    if (header) this.#noteExpiry(header, answer.headers.get('date'));
    if (answer.status === 401 && this.#state.realm && !this.#isLoggingOut) this.#end(this.#reasonNow());
  }

  /** The session as `GET /api/session` (or the extend route) describes it. */
  sessionLoaded(session: SessionResponse): void {
    if (session.authenticated) {
      if (this.#state.expiresAt === null) this.#noteExpiry(session.expiresAt, null);
      this.#update({ realm: session.user.kind, ended: null });
      writeStored(ENDED_KEY, null, 'session');
      return;
    }
    if (this.#isLoggingOut) return;
    if (this.#state.realm) {
      this.#end(this.#reasonNow());
      return;
    }
    // Not logged in, but this tab had a session and nobody logged out: it ended while the page was
    // closed or reloading.
    const marker = parseJson<ActiveMarker>(readStored(ACTIVE_KEY, 'session'));
    if (marker) {
      const hasExpired = marker.expiresAt !== null && Date.now() >= marker.expiresAt - JITTER_MS;
      this.#update({ realm: marker.realm, isFinal: marker.isFinal });
      this.#end(hasExpired ? (marker.isFinal ? 'limit' : 'idle') : 'ended');
    }
  }

  /** After `POST /api/session/extend`: if the expiry did not move out of the warning time, it cannot. */
  afterExtend(): void {
    const { expiresAt } = this.#state;
    if (expiresAt === null) return;
    if (expiresAt - Date.now() <= warningLead(this.#length) + JITTER_MS) {
      this.#update({ isFinal: true });
      this.#broadcast();
    }
  }

  /** The person closed the final warning: let the time run out without asking again. */
  acknowledgeFinal(): void {
    this.#update({ isFinalAcknowledged: true });
  }

  /** The person pressed "Logga ut": a 401 from now on is expected, not an ended session. */
  markLoggingOut(isLoggingOut: boolean): void {
    this.#isLoggingOut = isLoggingOut;
  }

  /** The person logged out here: forget the session, and tell the other tabs. */
  loggedOut(): void {
    this.#forget();
    this.#post({ type: 'loggedOut' });
  }

  /** Forget why the last session ended (the notice has been read, or another page opened). */
  clearEnded(): void {
    if (!this.#state.ended) return;
    writeStored(ENDED_KEY, null, 'session');
    this.#update({ ended: null });
  }

  #reasonNow(): EndReason {
    const { expiresAt, isFinal } = this.#state;
    if (expiresAt === null || Date.now() < expiresAt - JITTER_MS) return 'ended';
    return isFinal ? 'limit' : 'idle';
  }

  #noteExpiry(expiresAtIso: string, serverDate: string | null): void {
    const now = Date.now();
    const local = toLocalExpiry(expiresAtIso, serverDate, now);
    if (local === null) return;
    const previous = this.#state.expiresAt;
    if (previous !== null && local <= previous + JITTER_MS) return;
    // The expiry moved: the session was renewed, so its remaining time is its full length (or
    // what is left before its absolute limit, which is shorter: hence the longest one seen).
    this.#length = Math.max(this.#length, local - now);
    this.#update({ expiresAt: local, isFinal: false, isFinalAcknowledged: false });
    this.#broadcast();
  }

  #end(reason: EndReason): void {
    const { realm } = this.#state;
    if (!realm) return;
    const ended: EndedSession = { realm, returnTo: currentPath(), reason };
    writeStored(ENDED_KEY, JSON.stringify(ended), 'session');
    this.#forget();
    this.#update({ ended });
    this.#onSessionGone?.();
  }

  #forget(): void {
    writeStored(ACTIVE_KEY, null, 'session');
    this.#length = 0;
    this.#update({ realm: null, expiresAt: null, isFinal: false, isFinalAcknowledged: false });
  }

  #receive(message: Message): void {
    if (message.type === 'loggedOut') {
      if (!this.#state.realm) return;
      this.#forget();
      this.#onSessionGone?.();
      return;
    }
    const { realm, expiresAt } = this.#state;
    if (!realm || (expiresAt !== null && message.expiresAt <= expiresAt + JITTER_MS)) {
      if (realm && message.isFinal && !this.#state.isFinal) this.#update({ isFinal: true });
      return;
    }
    this.#length = Math.max(this.#length, message.length);
    this.#update({ expiresAt: message.expiresAt, isFinal: message.isFinal, isFinalAcknowledged: false });
  }

  #broadcast(): void {
    const { expiresAt, isFinal } = this.#state;
    if (expiresAt !== null) this.#post({ type: 'expiry', expiresAt, length: this.#length, isFinal });
  }

  #post(message: Message): void {
    this.#channel?.postMessage(message);
  }

  /** Apply a change, derive the warning time, remember the session for this tab, wake listeners. */
  #update(change: Partial<SessionClockState>): void {
    const next = { ...this.#state, ...change };
    next.warnAt = next.realm && next.expiresAt !== null ? next.expiresAt - warningLead(this.#length) : null;
    next.isWarning = next.warnAt !== null && Date.now() >= next.warnAt;
    this.#state = next;
    if (next.realm) {
      const marker: ActiveMarker = { realm: next.realm, expiresAt: next.expiresAt, isFinal: next.isFinal };
      writeStored(ACTIVE_KEY, JSON.stringify(marker), 'session');
    }
    this.#schedule();
    for (const listener of this.#listeners) listener();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const { realm, expiresAt, warnAt } = this.#state;
    if (!realm || expiresAt === null || warnAt === null) return;
    const now = Date.now();
    const next = now < warnAt ? warnAt : expiresAt;
    // Looked at again every second rather than once at the due time: one long timer of a page the
    // browser deems in the background can fire late, and a warning that comes late is no warning.
    this.#timer = setTimeout(() => this.#tick(), Math.min(Math.max(0, next - now), RECHECK_MS));
  }

  #tick(): void {
    const { realm, expiresAt, isFinal, warnAt, isWarning } = this.#state;
    if (!realm || expiresAt === null) return;
    const now = Date.now();
    if (now >= expiresAt) this.#end(isFinal ? 'limit' : 'idle');
    // Listeners hear only of a change: the warning's time has come.
    else if ((warnAt !== null && now >= warnAt) !== isWarning) this.#update({});
    else this.#schedule();
  }
}

/** The app's one session clock. */
export const sessionClock = new SessionClock();

/** The session clock's state, re-rendering when it changes. */
export function useSessionClock(): SessionClockState {
  return useSyncExternalStore(sessionClock.subscribe, sessionClock.getState);
}
