import type { AllocationRunDetail } from '@karna/contracts';
import { useId, useState } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { ChargeLinesTable } from './charge-lines.tsx';
import { runExportUrl, useRunDecision, useRunLines } from './it-services.api.ts';
import {
  Fact,
  formatChange,
  formatKronor,
  formatMonth,
  formatQuantity,
  queryState,
  TableScroll,
} from './it-services-parts.tsx';

const ALL = 'all';

/** The run's totals per department, with the change against the version it reran. */
function DepartmentTotals({ run }: { run: AllocationRunDetail }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.detail;
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="it-table-caption">
          {m.departmentsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.department}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.amount}
            </th>
            <th scope="col" className="numeric it-amount">
              {m.columns.change}
            </th>
          </tr>
        </thead>
        <tbody>
          {run.departments.map((department) => (
            <tr key={department.departmentId}>
              <th scope="row">{department.departmentName}</th>
              <td className="numeric it-amount">{formatKronor(department.amountOre, locale)}</td>
              <td className="numeric it-amount">
                {department.changeOre === null ? m.firstVersion : formatChange(department.changeOre, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** What IT keeps of each pool (model 1, its own budget). */
function Retained({ run }: { run: AllocationRunDetail }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.detail;
  const captionId = useId();
  if (run.retained.length === 0) return null;
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="it-table-caption">
          {m.retainedCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.subject}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {run.retained.map((pool) => (
            <tr key={pool.poolId}>
              <th scope="row">{t.itServices.chargeback.subject.pool(pool.costType, pool.category)}</th>
              <td className="numeric it-amount">{formatKronor(pool.amountOre, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The run's lines, of every department or one. */
function RunLines({ run }: { run: AllocationRunDetail }) {
  const { t } = useI18n();
  const m = t.itServices.chargeback.allocation.detail;
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const lines = useRunLines(run.id, departmentId);
  const headingId = useId();
  const department = run.departments.find((candidate) => candidate.departmentId === departmentId);
  return (
    <section aria-labelledby={headingId} className="it-run-lines">
      <h3 id={headingId}>{m.linesHeading}</h3>
      <Select
        label={m.linesFilter}
        value={departmentId ?? ALL}
        options={[
          { id: ALL, label: m.allDepartments },
          ...run.departments.map((candidate) => ({
            id: candidate.departmentId,
            label: candidate.departmentName,
          })),
        ]}
        onChange={(value) => setDepartmentId(value && value !== ALL ? value : null)}
      />
      {queryState(lines) ??
        (lines.data && lines.data.items.length === 0 ? (
          <EmptyState>{m.noLines}</EmptyState>
        ) : (
          <ChargeLinesTable
            lines={lines.data?.items ?? []}
            caption={department ? `${m.linesCaption}: ${department.departmentName}` : m.linesCaption}
            columns={m.columns}
            showDepartment={!department}
            departmentHeading={m.columns.department}
          />
        ))}
    </section>
  );
}

/**
 * One run: its facts and totals, approval (someone other than who ran it) or discarding while it is
 * proposed, the CSV for the finance system, and its lines. `onChanged` gets the confirmation to
 * announce; focus then goes to the run's heading, since the buttons are gone.
 */
export function RunDetail({
  run,
  onChanged,
}: {
  run: AllocationRunDetail;
  onChanged: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation;
  const d = m.detail;
  const decide = useRunDecision(run.id);
  const headingId = useId();
  const isProposed = run.status === 'proposed';
  const act = (action: 'approve' | 'discard') => {
    if (decide.isPending) return;
    decide.mutate(action, {
      onSuccess: (changed) => {
        onChanged(action === 'approve' ? d.approved(changed.version) : d.discarded(changed.version));
        document.getElementById(headingId)?.focus();
      },
    });
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {d.heading(run.version, formatMonth(run.period, locale))}
      </h2>
      <dl className="details it-run-facts">
        <Fact term={d.status}>{m.runs.status[run.status]}</Fact>
        <Fact term={m.runs.columns.distributed}>{formatKronor(run.distributedOre, locale)}</Fact>
        <Fact term={m.runs.columns.services}>{formatKronor(run.serviceChargesOre, locale)}</Fact>
        <Fact term={m.runs.columns.retained}>{formatKronor(run.retainedOre, locale)}</Fact>
        <Fact term={d.lines}>{formatQuantity(run.lineCount, locale)}</Fact>
        <Fact term={d.pupilWeight}>{formatQuantity(run.pupilComputerWeight, locale)}</Fact>
        <Fact term={m.runs.columns.createdBy}>
          {m.runs.byOn(run.createdBy, formatDateTime(run.createdAt, locale))}
        </Fact>
        {run.approvedBy && run.approvedAt && (
          <Fact term={m.runs.columns.approvedBy}>
            {m.runs.byOn(run.approvedBy, formatDateTime(run.approvedAt, locale))}
          </Fact>
        )}
      </dl>
      {isProposed && !run.canApprove && <p className="notice it-own-run">{d.ownRun}</p>}
      {isProposed && (
        <div className="button-row">
          {run.canApprove && (
            <Button variant="primary" onPress={() => act('approve')}>
              {d.approve}
            </Button>
          )}
          <Button variant="danger" onPress={() => act('discard')}>
            {d.discard}
          </Button>
        </div>
      )}
      {decide.isError && <ProblemAlert error={decide.error} />}
      <p>
        <a href={runExportUrl(run.id)} download>
          {d.export}
        </a>
      </p>
      <div className="it-run-tables">
        <DepartmentTotals run={run} />
        <Retained run={run} />
      </div>
      <RunLines run={run} />
    </section>
  );
}
