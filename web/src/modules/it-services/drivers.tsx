import type { DriverSet } from '@karna/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { useDrivers, useUploadDrivers } from './it-services.api.ts';
import { formatMonth, formatQuantity, queryState, Section, TableScroll } from './it-services-parts.tsx';

function DriverTable({ drivers, month }: { drivers: DriverSet; month: string }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.drivers;
  const captionId = useId();
  if (drivers.items.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId} tall={drivers.items.length > 20}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption(month)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.department}</th>
            <th scope="col">{m.columns.kind}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.quantity}
            </th>
            <th scope="col">{m.columns.source}</th>
          </tr>
        </thead>
        <tbody>
          {drivers.items.map((driver) => (
            <tr key={`${driver.departmentId} ${driver.kind} ${driver.source}`}>
              <th scope="row">{driver.departmentName}</th>
              <td>{t.itServices.terms.driver[driver.kind]}</td>
              <td className="numeric it-amount">{formatQuantity(driver.quantity, locale)}</td>
              <td>{m.source[driver.source]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Why the file was refused: the problem's title, and each wrong row with what is wrong in it. */
function FileProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  const m = t.itServices.chargeback.allocation.drivers;
  const rows = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  if (rows.length === 0) return <ProblemAlert error={error} />;
  const problem = (error as ApiError).problem;
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{problem.title}</p>
      <ul>
        {rows.map((row) => (
          <li key={`${row.path} ${row.message}`}>{m.row(row.path, row.message)}</li>
        ))}
      </ul>
      {problem.requestId && <p className="alert-meta">{t.common.errorReference(problem.requestId)}</p>}
    </div>
  );
}

/** Import the month's quantities from the finance system's CSV file: every row, or none. */
function UploadForm({ period, onSaved }: { period: string; onSaved: (message: string) => void }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.drivers;
  const upload = useUploadDrivers(period);
  const inputId = useId();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setError(m.chooseFile);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    if (upload.isPending) return;
    upload.mutate(file, {
      onSuccess: () => {
        if (inputRef.current) inputRef.current.value = '';
        onSaved(m.uploaded(formatMonth(period, locale)));
      },
    });
  };
  return (
    <form className="form it-upload" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{m.uploadHeading}</h3>
      <div className="field" data-invalid={error ? true : undefined}>
        <label htmlFor={inputId} className="field-label">
          {m.file}
        </label>
        <span id={`${inputId}-hint`} className="field-description">
          {m.fileHelp}
        </span>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          className="it-file-input"
          accept=".csv,text/csv"
          aria-describedby={error ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={() => upload.reset()}
        />
        {error && (
          <p id={`${inputId}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      {upload.isError && <FileProblem error={upload.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {upload.isPending ? m.uploading : m.upload}
        </Button>
      </div>
    </form>
  );
}

/** A month's drivers per department with their sources, and the file import that sets them. */
export function Drivers({ period, onSaved }: { period: string; onSaved: (message: string) => void }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.drivers;
  const drivers = useDrivers(period);
  const month = formatMonth(period, locale);
  return (
    <Section title={m.heading(month)}>
      <p>{m.lead}</p>
      {queryState(drivers) ?? (drivers.data && <DriverTable drivers={drivers.data} month={month} />)}
      <UploadForm period={period} onSaved={onSaved} />
    </Section>
  );
}
