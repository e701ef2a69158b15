import type { DepartmentCharges } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { Select } from '../../ui/select.tsx';
import { ChargeLinesTable } from './charge-lines.tsx';
import { type Department, useCharges, useDepartments } from './it-services.api.ts';
import {
  formatKronor,
  formatMonth,
  ItServicesPage,
  isPeriod,
  MonthInput,
  queryState,
  Section,
  thisMonth,
} from './it-services-parts.tsx';
import './it-services.css';

/** The form choosing whose and which month's charges are shown; the choice goes in the address. */
function ChooseForm({
  departments,
  departmentId,
  period,
  onChoose,
}: {
  departments: readonly Department[];
  departmentId: string;
  period: string;
  onChoose: (departmentId: string, period: string) => void;
}) {
  const { t } = useI18n();
  const m = t.itServices.chargeback;
  const ids = { department: useId(), month: useId() };
  const [department, setDepartment] = useState<string | null>(departmentId);
  const [month, setMonth] = useState(period);
  const [monthError, setMonthError] = useState<string | null>(null);
  useEffect(() => setDepartment(departmentId), [departmentId]);
  useEffect(() => setMonth(period), [period]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isPeriod(month.trim())) {
      setMonthError(m.month.monthError);
      document.getElementById(ids.month)?.focus();
      return;
    }
    setMonthError(null);
    onChoose(department ?? departmentId, month.trim());
  };
  return (
    <form className="it-choose-row" onSubmit={submit} noValidate aria-label={m.charges.choose}>
      <Select
        id={ids.department}
        label={m.charges.department}
        options={departments.map((candidate) => ({ id: candidate.id, label: candidate.name }))}
        value={department}
        onChange={setDepartment}
      />
      <MonthInput
        id={ids.month}
        label={m.month.month}
        description={m.month.monthHelp}
        value={month}
        onChange={setMonth}
        errorMessage={monthError}
      />
      <Button type="submit" variant="primary">
        {m.charges.show}
      </Button>
    </form>
  );
}

/** The approved run's lines for the department and month, with their total. */
function ChargesResult({ charges }: { charges: DepartmentCharges }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.charges;
  const month = formatMonth(charges.period, locale);
  return (
    <Section title={m.heading(charges.department.name, month)}>
      {charges.run === null ? (
        <EmptyState>{m.noRun(month)}</EmptyState>
      ) : (
        <>
          <p>
            {m.fromRun(
              charges.run.version,
              charges.run.approvedAt ? formatDateTime(charges.run.approvedAt, locale) : '',
            )}
          </p>
          <p className="it-total">{m.totalText(formatKronor(charges.totalOre, locale))}</p>
          {charges.lines.length === 0 ? (
            <EmptyState>{m.noLines}</EmptyState>
          ) : (
            <ChargeLinesTable
              lines={charges.lines}
              caption={m.caption(charges.department.name, month)}
              columns={m.columns}
              totalLabel={m.total}
              totalOre={charges.totalOre}
            />
          )}
        </>
      )}
    </Section>
  );
}

function Charges() {
  const { t } = useI18n();
  const m = t.itServices.chargeback.charges;
  const [searchParams, setSearchParams] = useSearchParams();
  const departments = useDepartments();
  const payers = (departments.data?.items ?? []).filter((department) => department.orders);
  const asked = searchParams.get('departmentId');
  const departmentId = payers.find((department) => department.id === asked)?.id ?? payers[0]?.id ?? null;
  const askedPeriod = searchParams.get('period') ?? '';
  const period = isPeriod(askedPeriod) ? askedPeriod : thisMonth();
  const charges = useCharges(departmentId ? { departmentId, period } : null);

  const waiting = queryState(departments);
  if (waiting) return waiting;
  if (!departmentId) return <EmptyState>{m.noDepartments}</EmptyState>;
  return (
    <>
      <p className="lead">{m.lead}</p>
      <div className="stack">
        <div className="card">
          <ChooseForm
            departments={payers}
            departmentId={departmentId}
            period={period}
            onChoose={(department, month) =>
              setSearchParams(new URLSearchParams({ departmentId: department, period: month }), {
                replace: true,
              })
            }
          />
        </div>
        {queryState(charges) ?? (charges.data && <ChargesResult charges={charges.data} />)}
      </div>
    </>
  );
}

/** `/it-tjanster/debitering`: what a department is charged for a month, each line explained. */
export function ChargesPage() {
  const { t } = useI18n();
  return (
    <ItServicesPage title={t.itServices.chargeback.charges.title} permission="itServices.order">
      {() => <Charges />}
    </ItServicesPage>
  );
}
