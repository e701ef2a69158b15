import { pathTo, type TicketSummary } from '@karna/contracts';
import { Link } from 'react-router';
import { timeZone } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';

// The pieces support's pages share: deadlines in words, the status and lateness badges, and a
// list of tickets with their deadlines.

const deadlineFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as a deadline in words, in Swedish time: `fredag 27 november kl. 11.00` (English:
 * `Friday 27 November at 11:00`), with the year only when it is not this year.
 */
export function formatDeadline(
  iso: string,
  locale: string,
  at: (weekday: string, date: string, time: string) => string,
): string {
  const date = new Date(iso);
  const thisYear = new Date().getFullYear();
  let format = deadlineFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    deadlineFormats.set(locale, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  const english = locale.startsWith('en');
  const dayMonth = `${parts.day} ${parts.month}`;
  const withYear = Number(parts.year) === thisYear ? dayMonth : `${dayMonth} ${parts.year}`;
  // Swedish writes the time with a full stop (kl. 11.00), English with a colon.
  const time = `${parts.hour}${english ? ':' : '.'}${parts.minute}`;
  return at(parts.weekday ?? '', withYear, time);
}

/** The deadline formatter of the user's language. */
export function useDeadline(): (iso: string) => string {
  const { t, locale } = useI18n();
  return (iso) => formatDeadline(iso, locale, t.itSupport.terms.at);
}

/** The ticket's status, its priority, and "Försenad" when a deadline is broken. */
export function TicketBadges({ ticket }: { ticket: TicketSummary }) {
  const { t } = useI18n();
  const terms = t.itSupport.terms;
  return (
    <p className="badge-row">
      <span className={ticket.status === 'resolved' ? 'badge badge-done' : 'badge badge-status'}>
        {terms.status[ticket.status]}
      </span>
      <span className="badge">{t.itSupport.list.priority(terms.priority[ticket.priority])}</span>
      {(ticket.responseBreached || ticket.fixBreached) && <LateBadge />}
    </p>
  );
}

/** The mark of a broken deadline. */
export function LateBadge() {
  const { t } = useI18n();
  return <span className="badge it-badge-late">{t.itSupport.terms.late}</span>;
}

/** One deadline in a list: when it is due, or when it was kept, and whether it was broken. */
function DeadlineLine({
  due,
  done,
  breached,
  dueText,
  doneText,
}: {
  due: string;
  done: string | null;
  breached: boolean;
  dueText: (when: string) => string;
  doneText: (when: string) => string;
}) {
  const deadline = useDeadline();
  return (
    <li>
      {done ? doneText(deadline(done)) : dueText(deadline(due))}
      {breached && (
        <>
          {' '}
          <LateBadge />
        </>
      )}
    </li>
  );
}

/**
 * Tickets as a list of cards (readable on a phone): number and summary as a link to the ticket,
 * status and priority, the deadlines, and for the IT department who reported and who handles it.
 */
export function TicketList({
  items,
  showPeople,
  emptyText,
}: {
  items: readonly TicketSummary[];
  showPeople: boolean;
  emptyText: string;
}) {
  const { t } = useI18n();
  const m = t.itSupport.list;
  if (items.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <ul className="record-list it-ticket-list">
      {items.map((ticket) => (
        <li key={ticket.id}>
          <h3 className="record-title">
            <Link to={pathTo('itServicesTicket', { ticketId: ticket.id })}>
              {m.title(ticket.number, ticket.summary)}
            </Link>
          </h3>
          <TicketBadges ticket={ticket} />
          <ul className="it-plain-list">
            {ticket.status !== 'resolved' || ticket.responseBreached ? (
              <DeadlineLine
                due={ticket.responseDueAt}
                done={ticket.respondedAt}
                breached={ticket.responseBreached}
                dueText={m.responseBy}
                doneText={m.responded}
              />
            ) : null}
            <DeadlineLine
              due={ticket.fixDueAt}
              done={ticket.resolvedAt}
              breached={ticket.fixBreached}
              dueText={m.fixBy}
              doneText={m.resolved}
            />
            <li>{t.itSupport.terms.line[ticket.line]}</li>
            {showPeople && <li>{m.reporter(ticket.reporter)}</li>}
            {showPeople && ticket.assignee && <li>{m.assignee(ticket.assignee)}</li>}
          </ul>
        </li>
      ))}
    </ul>
  );
}
