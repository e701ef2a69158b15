import { type SessionUser, type Ticket, webPages } from '@karna/contracts';
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasPermission } from '../../../app/auth.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { LiveStatus } from '../../../ui/live-status.tsx';
import { Fact, ItServicesPage, queryState, Section } from '../it-services-parts.tsx';
import { useTicket } from './support.api.ts';
import { LateBadge, TicketBadges, useDeadline } from './support-parts.tsx';
import { AnswerForm, HandleTicket } from './ticket-actions.tsx';
import '../it-services.css';
import './support.css';

/** When the ticket must be answered and fixed, whether it was, and "Försenad" when it was not in time. */
function Deadlines({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const m = t.itSupport.ticket.deadlines;
  const deadline = useDeadline();
  return (
    <Section title={m.heading}>
      <dl className="details">
        <Fact term={m.response}>
          <p>
            {deadline(ticket.responseDueAt)}
            {ticket.responseBreached && (
              <>
                {' '}
                <LateBadge />
              </>
            )}
          </p>
          <p>{ticket.respondedAt ? m.responded(deadline(ticket.respondedAt)) : m.notResponded}</p>
          {ticket.responseBreached && <p>{m.lateResponse}</p>}
        </Fact>
        <Fact term={m.fix}>
          <p>
            {deadline(ticket.fixDueAt)}
            {ticket.fixBreached && (
              <>
                {' '}
                <LateBadge />
              </>
            )}
          </p>
          <p>{ticket.resolvedAt ? m.resolved(deadline(ticket.resolvedAt)) : m.notResolved}</p>
          {ticket.fixBreached && <p>{m.lateFix}</p>}
        </Fact>
      </dl>
    </Section>
  );
}

/** The ticket's history, oldest first; internal notes (only the IT department gets them) marked. */
function History({ ticket }: { ticket: Ticket }) {
  const { t, locale } = useI18n();
  const m = t.itSupport.ticket;
  return (
    <Section title={m.history}>
      <ol className="it-ticket-history">
        {ticket.events.map((event, index) => (
          // Events have no id and never change order: the position is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} className={event.internal ? 'it-ticket-internal' : undefined}>
            <strong>{m.eventBy(event.by, m.event[event.kind])}</strong>{' '}
            <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
            {event.internal && (
              <>
                {' '}
                <span className="badge it-badge-warning">{m.internal}</span>
              </>
            )}
            {event.text && <p>{event.text}</p>}
          </li>
        ))}
      </ol>
    </Section>
  );
}

function TicketView({ ticket, user }: { ticket: Ticket; user: SessionUser }) {
  const { t, locale } = useI18n();
  const m = t.itSupport.ticket;
  const f = m.facts;
  const terms = t.itSupport.terms;
  const isIt = hasPermission(user, 'itServices.manage');
  const [message, setMessage] = useState<string | null>(null);
  const factsId = useId();
  const done = (text: string) => {
    setMessage(text);
    // The button pressed may be gone (a resolved ticket has no handling): focus goes to the facts.
    document.getElementById(factsId)?.focus();
  };
  return (
    <>
      <p>
        <Link to={isIt ? webPages.itServicesServiceDesk : webPages.itServicesSupport}>
          {isIt ? m.backDesk : m.backMine}
        </Link>
      </p>
      <h2 className="it-ticket-summary">{ticket.summary}</h2>
      <TicketBadges ticket={ticket} />
      <LiveStatus message={message} />
      <div className="stack">
        <section className="card" aria-labelledby={factsId}>
          <h2 id={factsId} tabIndex={-1}>
            {f.heading}
          </h2>
          <dl className="details">
            <Fact term={f.status}>{terms.status[ticket.status]}</Fact>
            <Fact term={f.about}>{ticket.service?.name ?? ticket.system?.name ?? f.other}</Fact>
            <Fact term={f.reporter}>{ticket.reporter}</Fact>
            <Fact term={f.reportedAt}>{formatDateTime(ticket.reportedAt, locale)}</Fact>
            <Fact term={f.priority}>{terms.priority[ticket.priority]}</Fact>
            <Fact term={f.impact}>{terms.impact[ticket.impact]}</Fact>
            <Fact term={f.urgency}>{terms.urgency[ticket.urgency]}</Fact>
            <Fact term={f.line}>{terms.line[ticket.line]}</Fact>
            <Fact term={f.assignee}>{ticket.assignee ?? f.nobody}</Fact>
            <Fact term={f.level}>
              {f.levelText(t.itServices.terms.tier[ticket.tier], ticket.supportHours)}
            </Fact>
          </dl>
        </section>
        <Deadlines ticket={ticket} />
        <Section title={m.description}>
          <p className="it-ticket-text">{ticket.description}</p>
        </Section>
        {ticket.resolution && (
          <Section title={m.resolution}>
            <p className="it-ticket-text">{ticket.resolution}</p>
          </Section>
        )}
        <History ticket={ticket} />
        {ticket.canHandle && <HandleTicket ticket={ticket} onDone={done} />}
        <section className="card">
          <AnswerForm ticket={ticket} isIt={isIt} onDone={done} />
        </section>
      </div>
    </>
  );
}

function TicketLoader({ ticketId, user }: { ticketId: string; user: SessionUser }) {
  const ticket = useTicket(ticketId);
  return queryState(ticket) ?? (ticket.data ? <TicketView ticket={ticket.data} user={user} /> : null);
}

/** `/it-tjanster/support/:ticketId`: one ticket, its deadlines and history, answers and handling. */
export function TicketPage() {
  const { t } = useI18n();
  const { ticketId = '' } = useParams();
  const ticket = useTicket(ticketId);
  const title = ticket.data ? t.itSupport.ticket.titleOf(ticket.data.number) : t.itSupport.ticket.title;
  return (
    <ItServicesPage title={title} permission="itServices.read">
      {(user) => <TicketLoader ticketId={ticketId} user={user} />}
    </ItServicesPage>
  );
}
