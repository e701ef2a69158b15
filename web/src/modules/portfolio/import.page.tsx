import { ImportField, type ImportPreview, type ImportResult, webPages } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { LiveStatus } from '../../ui/live-status.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { Checkbox } from '../cases/case-fields.tsx';
import { useCommitImport, useUploadImport } from './portfolio.api.ts';
import { PortfolioPage, Section, TableScroll } from './portfolio-parts.tsx';
import './portfolio.css';

type Mapping = Record<string, ImportField | null>;
const SKIP = 'skip';

/** Step 1: choose the file and upload it (its bytes as the body). */
function FileStep({
  inputId,
  onUploaded,
}: {
  inputId: string;
  onUploaded: (preview: ImportPreview) => void;
}) {
  const { t } = useI18n();
  const m = t.portfolio.tools.import;
  const upload = useUploadImport();
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = inputRef.current?.files?.[0];
    if (!file) {
      setError(m.chooseFileError);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    // The buttons go away with the step they belong to: no pending state, a second press is ignored.
    if (upload.isPending) return;
    upload.mutate(file, { onSuccess: onUploaded });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={m.stepFile}>
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
          className="file-input"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`}
          aria-invalid={error ? true : undefined}
        />
        {error && (
          <p id={`${inputId}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      {upload.isError && <ProblemAlert error={upload.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {m.upload}
        </Button>
      </div>
    </form>
  );
}

/** The first rows of the file, so that the user sees what each column holds. */
function SampleTable({ preview }: { preview: ImportPreview }) {
  const { t } = useI18n();
  const m = t.portfolio.tools.import;
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table sample-table">
        <caption id={captionId} className="table-caption">
          {m.sampleCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.rowNumber}</th>
            {preview.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.sample.map((row, index) => (
            // The sample's rows are the file's rows 2, 3, …: the number is their key.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index + 2}>
              <th scope="row">{index + 2}</th>
              {preview.columns.map((column, cell) => (
                <td key={column}>{row[cell]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Step 3's errors, named as in the spreadsheet: row number, column heading, what is wrong. */
function ErrorTable({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  const m = t.portfolio.tools.import;
  const captionId = useId();
  return (
    <TableScroll captionId={captionId} tall>
      <table className="data-table">
        <caption id={captionId} className="table-caption">
          {m.errorsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.errorColumns.row}</th>
            <th scope="col">{m.errorColumns.column}</th>
            <th scope="col">{m.errorColumns.error}</th>
          </tr>
        </thead>
        <tbody>
          {result.errors.map((error) => (
            <tr key={`${error.row}:${error.column}:${error.code}:${error.message}`}>
              <td className="numeric">{error.row}</td>
              <td>{error.column ?? m.wholeFile}</td>
              <td>{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function Importer() {
  const { t } = useI18n();
  const m = t.portfolio.tools.import;
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string; count: number } | null>(null);
  const ids = { file: useId(), mapping: useId(), check: useId(), done: useId(), validRows: useId() };
  const commit = useCommitImport(preview?.id ?? '');

  // Each step's heading takes focus when the step opens (and the file field when asked to upload again).
  useEffect(() => {
    if (focus) document.getElementById(focus.id)?.focus();
  }, [focus]);
  const moveFocus = (id: string) => setFocus((previous) => ({ id, count: (previous?.count ?? 0) + 1 }));

  const uploaded = (next: ImportPreview) => {
    setPreview(next);
    setMapping(next.suggestedMapping);
    setChecked(null);
    setDone(null);
    setValidRowsOnly(false);
    setMessage(m.uploaded(next.fileName, next.rowCount));
    moveFocus(ids.mapping);
  };
  const check = () => {
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (commit.isPending) return;
    commit.mutate(
      // A check writes nothing; with validRowsOnly it also counts what the valid rows would give.
      { mapping, dryRun: true, validRowsOnly: true },
      {
        onSuccess: (result) => {
          setChecked(result);
          setValidRowsOnly(false);
          setMessage(m.checked(result.rows, result.errors.length));
          moveFocus(ids.check);
        },
      },
    );
  };
  const runImport = () => {
    // No pending state on a button that may go away with the answer: a second press is ignored.
    if (commit.isPending) return;
    commit.mutate(
      { mapping, dryRun: false, validRowsOnly },
      {
        onSuccess: (result) => {
          if (!result.committed) {
            setChecked(result);
            moveFocus(ids.check);
            return;
          }
          setDone(result);
          setMessage(m.done(result.created, result.updated, result.skipped));
          moveFocus(ids.done);
        },
      },
    );
  };
  const fieldOptions = [
    { id: SKIP, label: m.notImported },
    ...ImportField.options.map((field) => ({ id: field, label: m.fields[field] })),
  ];

  if (done) {
    return (
      <>
        <LiveStatus message={message} />
        <Section title={m.done(done.created, done.updated, done.skipped)} headingId={ids.done}>
          <p className="button-row">
            <Link className="button button-primary" to={webPages.portfolio}>
              {m.toList}
            </Link>
            <Button
              onPress={() => {
                setPreview(null);
                setDone(null);
                setChecked(null);
                moveFocus(ids.file);
              }}
            >
              {m.again}
            </Button>
          </p>
        </Section>
      </>
    );
  }

  const hasErrors = (checked?.errors.length ?? 0) > 0;
  return (
    <>
      <LiveStatus message={message} />
      <div className="stack">
        <Section title={m.stepFile}>
          <FileStep inputId={ids.file} onUploaded={uploaded} />
        </Section>
        {preview && (
          <Section title={m.stepMapping} headingId={ids.mapping}>
            <p>{m.mappingLead}</p>
            <p>{m.uploaded(preview.fileName, preview.rowCount)}</p>
            <div className="mapping-grid">
              {preview.columns.map((column) => (
                <Select
                  key={column}
                  label={m.column(column)}
                  options={fieldOptions}
                  value={mapping[column] ?? SKIP}
                  onChange={(value) => {
                    const field = ImportField.safeParse(value);
                    setMapping({ ...mapping, [column]: field.success ? field.data : null });
                    setChecked(null);
                  }}
                />
              ))}
            </div>
            <SampleTable preview={preview} />
            {commit.isError && !checked && <ProblemAlert error={commit.error} />}
            <div className="button-row">
              <Button variant="primary" onPress={check}>
                {m.check}
              </Button>
            </div>
          </Section>
        )}
        {preview && checked && (
          <Section title={m.stepCheck} headingId={ids.check}>
            <p className="big-figure">{m.checked(checked.rows, checked.errors.length)}</p>
            {hasErrors ? (
              <>
                <ErrorTable result={checked} />
                <p>{m.fixOrSkip}</p>
                <div className="button-row">
                  <Button onPress={() => moveFocus(ids.file)}>{m.uploadFixed}</Button>
                </div>
                <Checkbox
                  id={ids.validRows}
                  label={m.validRowsOnly}
                  description={m.validRowsHelp(checked.skipped)}
                  checked={validRowsOnly}
                  onChange={setValidRowsOnly}
                />
              </>
            ) : null}
            {(!hasErrors || validRowsOnly) && <p>{m.willImport(checked.created, checked.updated)}</p>}
            {commit.isError && <ProblemAlert error={commit.error} />}
            {(!hasErrors || validRowsOnly) && checked.created + checked.updated > 0 && (
              <div className="button-row">
                <Button variant="primary" onPress={runImport}>
                  {m.importButton}
                </Button>
              </div>
            )}
          </Section>
        )}
      </div>
    </>
  );
}

/** `/portfolj/import`: the IT department imports the register from a spreadsheet, step by step. */
export function ImportPage() {
  const { t } = useI18n();
  const m = t.portfolio.tools.import;
  return (
    <PortfolioPage title={m.title} permission="portfolio.manage">
      {() => (
        <>
          <p className="lead">{m.lead}</p>
          <Importer />
        </>
      )}
    </PortfolioPage>
  );
}
