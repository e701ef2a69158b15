import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';

// The IT services' CSV imports (drivers, supplier spend, licence use): one form with its row errors.

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
  fileLabel,
  fileHelp,
  upload,
  onUploaded,
}: {
  heading: string;
  lead?: ReactNode;
  /** The file field's label (default: "Fil"). */
  fileLabel?: string;
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
          {fileLabel ?? m.file}
        </label>
        <span id={`${inputId}-hint`} className="field-description it-file-hint">
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
