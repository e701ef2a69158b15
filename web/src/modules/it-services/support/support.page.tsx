import { pathTo, type Ticket } from '@karna/contracts';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ItServicesPage, queryState } from '../it-services-parts.tsx';
import { ReportForm } from './report-form.tsx';
import { useTickets } from './support.api.ts';
import { TicketList, useDeadline } from './support-parts.tsx';
import '../it-services.css';
import './support.css';

/** What a sent report got: its number and priority, and its deadlines in words. */
function SentReport({ ticket, onAnother }: { ticket: Ticket; onAnother: () => void }) {
  const { t } = useI18n();
  const m = t.itSupport.report.sent;
  const terms = t.itSupport.terms;
  const deadline = useDeadline();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form is gone: focus goes to what replaced it, which is then read out.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card it-ticket-sent" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {m.heading}
      </h2>
      <p>
        <strong>{m.number(ticket.number, terms.priority[ticket.priority])}</strong>
      </p>
      <p>{m.responseBy(deadline(ticket.responseDueAt))}</p>
      <p>{m.fixBy(deadline(ticket.fixDueAt))}</p>
      <p>{m.level(t.itServices.terms.tier[ticket.tier], ticket.supportHours)}</p>
      <p>{m.mail}</p>
      <div className="button-row">
        <Link className="button button-primary" to={pathTo('itServicesTicket', { ticketId: ticket.id })}>
          {m.open(ticket.number)}
        </Link>
        <Button onPress={onAnother}>{m.another}</Button>
      </div>
    </section>
  );
}

function MyTickets() {
  const { t } = useI18n();
  const m = t.itSupport.report;
  const tickets = useTickets({ mine: true, status: null, line: null, breached: null });
  const headingId = useId();
  const items = tickets.data?.items;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.mine}</h2>
      {queryState(tickets) ?? (
        <>
          <p className="it-count">{t.itSupport.list.count(items?.length ?? 0)}</p>
          <TicketList items={items ?? []} showPeople={false} emptyText={m.mineEmpty} />
        </>
      )}
    </section>
  );
}

function Support() {
  const { t } = useI18n();
  const [sent, setSent] = useState<Ticket | null>(null);
  // A new form each time, so that "report another" starts empty.
  const [formKey, setFormKey] = useState(0);
  let top: ReactNode;
  if (sent)
    top = (
      <SentReport
        ticket={sent}
        onAnother={() => {
          setSent(null);
          setFormKey((key) => key + 1);
        }}
      />
    );
  else
    top = (
      <section className="card">
        <ReportForm key={formKey} onSent={setSent} />
      </section>
    );
  return (
    <>
      <p className="lead">{t.itSupport.report.lead}</p>
      <div className="stack">
        {top}
        <MyTickets />
      </div>
    </>
  );
}

/** `/it-tjanster/support`: report a problem to the IT department, and the caller's own tickets. */
export function SupportPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itSupport.report.title} permission="itServices.read">
      {() => <Support />}
    </ItServicesPage>
  );
}
