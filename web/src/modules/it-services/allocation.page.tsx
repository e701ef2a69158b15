import type { AllocationRunSummary } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { CostPools } from './cost-pools.tsx';
import { Drivers } from './drivers.tsx';
import { useCreateRun, useRun, useRuns } from './it-services.api.ts';
import {
  formatKronor,
  formatMonth,
  ItServicesPage,
  isPeriod,
  MonthInput,
  queryState,
  Section,
  TableScroll,
  thisMonth,
} from './it-services-parts.tsx';
import { RunDetail } from './run-detail.tsx';
import './it-services.css';

/** The month the page works on; the choice goes in the address. */
function MonthForm({ period, onChoose }: { period: string; onChoose: (period: string) => void }) {
  const { t } = useI18n();
  const m = t.itServices.chargeback;
  const monthId = useId();
  const [month, setMonth] = useState(period);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setMonth(period), [period]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPeriod(month.trim())) {
      setError(m.month.monthError);
      document.getElementById(monthId)?.focus();
      return;
    }
    setError(null);
    onChoose(month.trim());
  };
  return (
    <form className="it-choose-row" onSubmit={submit} noValidate aria-label={m.allocation.choose}>
      <MonthInput
        id={monthId}
        label={m.month.month}
        description={m.month.monthHelp}
        value={month}
        onChange={setMonth}
        errorMessage={error}
      />
      <Button type="submit" variant="primary">
        {m.allocation.show}
      </Button>
    </form>
  );
}

/** The month's runs, newest version first, each a link to its detail below. */
function RunTable({
  runs,
  month,
  shownId,
  linkTo,
}: {
  runs: readonly AllocationRunSummary[];
  month: string;
  shownId: string | null;
  linkTo: (runId: string) => string;
}) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.runs;
  const captionId = useId();
  if (runs.length === 0) return <EmptyState>{m.empty(month)}</EmptyState>;
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption(month)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.version}</th>
            <th scope="col">{m.columns.status}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.distributed}
            </th>
            <th scope="col" className="numeric it-amount">
              {m.columns.retained}
            </th>
            <th scope="col">{m.columns.createdBy}</th>
            <th scope="col">{m.columns.approvedBy}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <th scope="row">
                {run.id === shownId ? (
                  <>
                    {m.version(run.version)} <span className="it-line-note">{m.shown}</span>
                  </>
                ) : (
                  <Link to={linkTo(run.id)} replace>
                    {m.version(run.version)}
                  </Link>
                )}
              </th>
              <td>{m.status[run.status]}</td>
              <td className="numeric it-amount">{formatKronor(run.distributedOre, locale)}</td>
              <td className="numeric it-amount">{formatKronor(run.retainedOre, locale)}</td>
              <td>{m.byOn(run.createdBy, formatDateTime(run.createdAt, locale))}</td>
              <td>
                {run.approvedBy && run.approvedAt
                  ? m.byOn(run.approvedBy, formatDateTime(run.approvedAt, locale))
                  : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Allocation() {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation;
  const [searchParams, setSearchParams] = useSearchParams();
  const askedPeriod = searchParams.get('period') ?? '';
  const period = isPeriod(askedPeriod) ? askedPeriod : thisMonth();
  const month = formatMonth(period, locale);
  const runs = useRuns(period);
  const asked = searchParams.get('runId');
  const items = runs.data?.items ?? [];
  const runId = items.find((run) => run.id === asked)?.id ?? items[0]?.id ?? null;
  const run = useRun(runId);
  const create = useCreateRun();
  const [message, setMessage] = useState<string | null>(null);

  const linkTo = (id: string) => `?${new URLSearchParams({ period, runId: id })}`;
  const runMonth = () => {
    if (create.isPending) return;
    create.mutate(period, {
      onSuccess: (created) => {
        setMessage(m.run.ran(created.version, month));
        setSearchParams(new URLSearchParams({ period, runId: created.id }), { replace: true });
      },
    });
  };

  return (
    <>
      <p className="lead">{m.lead}</p>
      <LiveStatus message={message} />
      <div className="stack">
        <div className="card">
          <MonthForm
            period={period}
            onChoose={(next) => setSearchParams(new URLSearchParams({ period: next }), { replace: true })}
          />
        </div>
        <Section title={m.run.heading}>
          <p>{m.run.text}</p>
          <div className="button-row">
            <Button variant="primary" onPress={runMonth}>
              {create.isPending ? m.run.running : m.run.button(month)}
            </Button>
          </div>
          {create.isError && <ProblemAlert error={create.error} />}
        </Section>
        <Section title={m.runs.heading(month)}>
          {queryState(runs) ?? <RunTable runs={items} month={month} shownId={runId} linkTo={linkTo} />}
        </Section>
        {runId &&
          (queryState(run) ??
            (run.data && <RunDetail key={run.data.id} run={run.data} onChanged={setMessage} />))}
        <Drivers period={period} onSaved={setMessage} />
        <CostPools year={Number(period.slice(0, 4))} onSaved={setMessage} />
      </div>
    </>
  );
}

/** `/it-tjanster/fordelning`: the IT department's monthly allocation of its costs to the departments. */
export function AllocationPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itServices.chargeback.allocation.title} permission="itServices.manage">
      {() => <Allocation />}
    </ItServicesPage>
  );
}
