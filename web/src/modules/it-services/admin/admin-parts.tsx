import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';

// Pieces the IT department's administration pages share: amounts and per cents as typed, dates,
// and the CSV file import with its row errors.

/** A per cent as typed (`2`, `2,15`), or null when it is not one between 0 and 100. */
export function parsePercent(text: string): number | null {
  const plain = text.trim().replace(',', '.').replace(/\s*%$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  const value = Number(plain);
  return value <= 100 ? value : null;
}

/** A year as typed, or null when it is not one between 2000 and 2199. */
export function parseYear(text: string): number | null {
  const plain = text.trim();
  if (!/^\d{4}$/.test(plain)) return null;
  const year = Number(plain);
  return year >= 2000 && year <= 2199 ? year : null;
}

/** Is `text` a real calendar day `YYYY-MM-DD` between 2000 and 2199? */
export function isIsoDate(text: string): boolean {
  if (!/^(20\d\d|21\d\d)-\d\d-\d\d$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whole öre as kronor for a form field: `12500`, `1250,50`. */
export function kronorText(ore: number): string {
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}

/** A per cent with up to two decimals: `2,15 %`. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

/** Why a file was refused: the problem's title, and each wrong row with what is wrong in it. */
export function FileProblem({ error }: { error: unknown }) {
  const { t } = useI18n();
  const rows = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  if (rows.length === 0 || !(error instanceof ApiError)) return <ProblemAlert error={error} />;
  const { problem } = error;
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{problem.title}</p>
      <ul>
        {rows.map((row) => (
          <li key={`${row.path} ${row.message}`}>{t.itServicesAdmin.common.row(row.path, row.message)}</li>
        ))}
      </ul>
      {problem.requestId && <p className="alert-meta">{t.common.errorReference(problem.requestId)}</p>}
    </div>
  );
}

/** A CSV file import: every row, or none; the refused rows are listed under the field. */
export function CsvUpload<T>({
  heading,
  lead,
  fileHelp,
  upload,
  onUploaded,
}: {
  heading: string;
  lead?: ReactNode;
  fileHelp: string;
  upload: {
    mutate: (file: Blob, options: { onSuccess: (result: T) => void }) => void;
    reset: () => void;
    isPending: boolean;
    isError: boolean;
    error: unknown;
  };
  onUploaded: (result: T) => void;
}) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.common;
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
      onSuccess: (result) => {
        if (inputRef.current) inputRef.current.value = '';
        onUploaded(result);
      },
    });
  };
  return (
    <form className="form it-upload" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {lead && <p>{lead}</p>}
      <div className="field" data-invalid={error ? true : undefined}>
        <label htmlFor={inputId} className="field-label">
          {m.file}
        </label>
        {/* The header row is one long word (`organisationsnummer;leverantör;år;belopp`): let it wrap on a phone. */}
        <span id={`${inputId}-hint`} className="field-description" style={{ overflowWrap: 'anywhere' }}>
          {fileHelp}
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
