import { type SupportLine, TicketStatus } from '@karna/contracts';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { LoadingStatus } from '../../../ui/loading-status.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { Select } from '../../../ui/select.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { formatQuantity, ItServicesPage, queryState, TableScroll, today } from '../it-services-parts.tsx';
import { useSlaReport, useTickets } from './support.api.ts';
import { TicketList } from './support-parts.tsx';
import '../it-services.css';
import './support.css';

const ALL = 'all';
const LINES: readonly SupportLine[] = [1, 2, 3];

/** The queue: every ticket, filtered in the address (so a filtered queue can be shared). */
function Queue() {
  const { t } = useI18n();
  const m = t.itSupport.desk;
  const terms = t.itSupport.terms;
  const [searchParams, setSearchParams] = useSearchParams();
  const parsedStatus = TicketStatus.safeParse(searchParams.get('status'));
  const status = parsedStatus.success ? parsedStatus.data : null;
  const lineParam = Number(searchParams.get('line'));
  const line = LINES.find((value) => value === lineParam) ?? null;
  const breachedParam = searchParams.get('breached');
  const breached = breachedParam === 'response' || breachedParam === 'fix' ? breachedParam : null;
  const tickets = useTickets({ mine: false, status, line, breached });
  const filtersId = useId();
  const listId = useId();
  const setFilter = (name: 'status' | 'line' | 'breached', value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value && value !== ALL) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };
  const items = tickets.data?.items;
  let body: ReactNode;
  if (tickets.isPending) body = <LoadingStatus />;
  else if (tickets.isError && !items)
    body = <ProblemAlert error={tickets.error} onRetry={() => void tickets.refetch()} />;
  else body = <TicketList items={items ?? []} showPeople emptyText={m.empty} />;

  return (
    <>
      <section className="card" aria-labelledby={filtersId}>
        <h2 id={filtersId}>{m.filtersHeading}</h2>
        <div className="it-filter-grid">
          <Select
            label={m.status}
            value={status ?? ALL}
            options={[
              { id: ALL, label: terms.any },
              ...TicketStatus.options.map((option) => ({ id: option, label: terms.status[option] })),
            ]}
            onChange={(value) => setFilter('status', value)}
          />
          <Select
            label={m.line}
            value={line ? String(line) : ALL}
            options={[
              { id: ALL, label: terms.any },
              ...LINES.map((value) => ({ id: String(value), label: terms.line[value] })),
            ]}
            onChange={(value) => setFilter('line', value)}
          />
          <Select
            label={m.breached}
            value={breached ?? ALL}
            options={[
              { id: ALL, label: terms.any },
              { id: 'response', label: m.breachedOptions.response },
              { id: 'fix', label: m.breachedOptions.fix },
            ]}
            onChange={(value) => setFilter('breached', value)}
          />
        </div>
      </section>
      <section className="card" aria-labelledby={listId}>
        <h2 id={listId}>{m.queue}</h2>
        {/* Always in place, so that the count after a change of filters is announced. */}
        <p role="status" className="it-count">
          {tickets.isPlaceholderData ? t.common.loading : items ? t.itSupport.list.count(items.length) : ''}
        </p>
        {body}
        {tickets.isError && items && <ProblemAlert error={tickets.error} />}
      </section>
    </>
  );
}

/** How the service levels were kept in a chosen year: a table per tier. */
function SlaReportSection() {
  const { t, locale } = useI18n();
  const m = t.itSupport.desk.sla;
  const headingId = useId();
  const yearId = useId();
  const captionId = useId();
  const [yearText, setYearText] = useState(today().slice(0, 4));
  const [year, setYear] = useState<number | null>(Number(today().slice(0, 4)));
  const [checked, setChecked] = useState(false);
  const report = useSlaReport(year);
  const yearValid = /^\d{4}$/.test(yearText.trim()) && Number(yearText) >= 2000 && Number(yearText) <= 2199;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!yearValid) {
      document.getElementById(yearId)?.focus();
      return;
    }
    setYear(Number(yearText.trim()));
  };
  const percent = (rate: number | null) =>
    rate === null
      ? ''
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
  const cell = (count: number, rate: number | null, tickets: number) =>
    tickets === 0 ? m.none : m.rate(formatQuantity(count, locale), percent(rate));
  const c = m.columns;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{m.heading}</h2>
      <p>{m.lead}</p>
      <form className="it-search-row" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <TextField
          id={yearId}
          label={m.year}
          description={m.yearHelp}
          value={yearText}
          onChange={setYearText}
          inputMode="numeric"
          size="short"
          errorMessage={checked && !yearValid ? m.yearError : null}
        />
        <Button type="submit">{m.show}</Button>
      </form>
      {queryState(report) ??
        (report.data && (
          <TableScroll captionId={captionId}>
            <table className="data-table">
              <caption id={captionId}>{m.caption(report.data.year)}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.tier}</th>
                  <th scope="col" className="numeric">
                    {c.tickets}
                  </th>
                  <th scope="col" className="numeric">
                    {c.resolved}
                  </th>
                  <th scope="col" className="numeric">
                    {c.responded}
                  </th>
                  <th scope="col" className="numeric">
                    {c.fixed}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.tiers.map((tier) => (
                  <tr key={tier.tier}>
                    <th scope="row">{t.itServices.terms.tier[tier.tier]}</th>
                    <td className="numeric">{formatQuantity(tier.tickets, locale)}</td>
                    <td className="numeric">{formatQuantity(tier.resolved, locale)}</td>
                    <td className="numeric">{cell(tier.respondedInTime, tier.responseRate, tier.tickets)}</td>
                    <td className="numeric">{cell(tier.fixedInTime, tier.fixRate, tier.tickets)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
    </section>
  );
}

/** `/it-tjanster/servicedesk`: the IT department's queue of tickets and the yearly SLA report. */
export function ServiceDeskPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itSupport.desk.title} permission="itServices.manage">
      {() => (
        <>
          <p className="lead">{t.itSupport.desk.lead}</p>
          <div className="stack">
            <Queue />
            <SlaReportSection />
          </div>
        </>
      )}
    </ItServicesPage>
  );
}
