import type { SupplierTrend as Trend } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../../ui/error-summary.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { CsvUpload } from '../csv-upload-form.tsx';
import { formatKronor, queryState, Section, TableScroll } from '../it-services-parts.tsx';
import { useSaveTargets, useSupplierTrend, useUploadSpend } from './admin.api.ts';
import { formatPercent, parsePercent, parseYear } from './admin-parts.tsx';

function YearTable({ trend }: { trend: Trend }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.suppliers.trend;
  const captionId = useId();
  if (trend.years.length === 0) return <EmptyState>{m.empty}</EmptyState>;
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="it-table-caption">
          {m.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.year}</th>
            <th scope="col" className="numeric">
              {m.columns.suppliers}
            </th>
            <th scope="col" className="numeric it-amount">
              {m.columns.spend}
            </th>
          </tr>
        </thead>
        <tbody>
          {trend.years.map((row) => (
            <tr key={row.year}>
              <th scope="row">{row.year}</th>
              <td className="numeric">{row.suppliers}</td>
              <td className="numeric it-amount">{formatKronor(row.spendOre, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function TargetTable({ trend }: { trend: Trend }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.suppliers.trend;
  const captionId = useId();
  if (trend.targets.length === 0) return <EmptyState>{m.noTargets}</EmptyState>;
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="it-table-caption">
          {m.targetsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.targetColumns.year}</th>
            <th scope="col" className="numeric">
              {m.targetColumns.reduction}
            </th>
            <th scope="col" className="numeric">
              {m.targetColumns.target}
            </th>
            <th scope="col" className="numeric">
              {m.targetColumns.actual}
            </th>
            <th scope="col">{m.targetColumns.met}</th>
          </tr>
        </thead>
        <tbody>
          {trend.targets.map((target) => (
            <tr key={target.year}>
              <th scope="row">{target.year}</th>
              <td className="numeric">−{formatPercent(target.reductionPercent, locale)}</td>
              <td className="numeric">{target.targetCount ?? '–'}</td>
              <td className="numeric">{target.actualCount ?? '–'}</td>
              <td>
                {target.met === null ? (
                  m.unknown
                ) : target.met ? (
                  <span className="badge">{m.met}</span>
                ) : (
                  <span className="badge it-badge-warning">{m.notMet}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface TargetRow {
  year: string;
  reduction: string;
}

/** The baseline year and up to ten targets, each a year and a reduction in per cent. */
function TargetForm({ trend, onDone }: { trend: Trend; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.suppliers.trend;
  const save = useSaveTargets();
  const headingId = useId();
  const baselineId = useId();
  const rowsId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [baseline, setBaseline] = useState(String(trend.baselineYear ?? trend.years[0]?.year ?? ''));
  const [rows, setRows] = useState<TargetRow[]>(() => {
    const existing = trend.targets.map((target) => ({
      year: String(target.year),
      reduction: String(target.reductionPercent).replace('.', ','),
    }));
    return existing.length > 0 ? existing : [{ year: '', reduction: '' }];
  });
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  useEffect(() => headingRef.current?.focus(), []);

  const baselineYear = parseYear(baseline);
  const targets: { year: number; reductionPercent: number }[] = [];
  const rowErrors: Record<number, string> = {};
  rows.forEach((row, index) => {
    if (!row.year.trim() && !row.reduction.trim()) return;
    const year = parseYear(row.year);
    const reductionPercent = parsePercent(row.reduction);
    if (year === null || reductionPercent === null || (baselineYear !== null && year <= baselineYear))
      rowErrors[index] = m.errors.targets;
    else targets.push({ year, reductionPercent });
  });
  const errors = checked
    ? { baselineYear: baselineYear === null ? m.errors.baselineYear : undefined, rows: rowErrors }
    : { baselineYear: undefined, rows: {} as Record<number, string> };
  const summary: SummaryError[] = [
    ...(errors.baselineYear ? [{ fieldId: baselineId, message: errors.baselineYear }] : []),
    ...Object.entries(errors.rows).map(([index, message]) => ({
      fieldId: `${rowsId}-${index}-year`,
      message,
    })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (baselineYear === null || Object.keys(rowErrors).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (save.isPending) return;
    save.mutate({ baselineYear, targets }, { onSuccess: () => onDone(true) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {m.formHeading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <TextField
        id={baselineId}
        label={m.baselineYear}
        value={baseline}
        onChange={setBaseline}
        inputMode="numeric"
        size="short"
        errorMessage={errors.baselineYear}
        isRequired
      />
      <p className="field-description">{m.targetHelp}</p>
      {rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are only ever added at the end
        <div className="it-choose-row" key={index}>
          <TextField
            id={`${rowsId}-${index}-year`}
            label={m.targetYear(index + 1)}
            value={row.year}
            onChange={(year) =>
              setRows((current) => current.map((r, at) => (at === index ? { ...r, year } : r)))
            }
            inputMode="numeric"
            size="short"
            errorMessage={errors.rows[index]}
          />
          <TextField
            id={`${rowsId}-${index}-reduction`}
            label={m.targetReduction(index + 1)}
            value={row.reduction}
            onChange={(reduction) =>
              setRows((current) => current.map((r, at) => (at === index ? { ...r, reduction } : r)))
            }
            inputMode="numeric"
            size="short"
          />
        </div>
      ))}
      {rows.length < 10 && (
        <div className="button-row">
          <Button onPress={() => setRows((current) => [...current, { year: '', reduction: '' }])}>
            {m.addTarget}
          </Button>
        </div>
      )}
      {save.isError && <ProblemAlert error={save.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {save.isPending ? t.itServicesAdmin.common.saving : t.itServicesAdmin.common.save}
        </Button>
        <Button onPress={() => onDone(false)}>{t.itServicesAdmin.common.cancel}</Button>
      </div>
    </form>
  );
}

/** The finance system's spend import, the number of suppliers paid per year, and the targets. */
export function SupplierTrendSection({ onSaved }: { onSaved: (message: string) => void }) {
  const { t, locale } = useI18n();
  const m = t.itServicesAdmin.suppliers;
  const trend = useSupplierTrend();
  const upload = useUploadSpend();
  const [editing, setEditing] = useState(false);
  const buttonId = useId();
  const data = trend.data;
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return (
    <>
      <Section title={m.spend.heading}>
        <CsvUpload
          heading={m.spend.uploadHeading}
          lead={m.spend.lead}
          fileHelp={m.spend.fileHelp}
          upload={upload}
          onUploaded={(result) =>
            onSaved(
              m.spend.uploaded(result.rows, list.format(result.years.map(String)), result.suppliersCreated),
            )
          }
        />
      </Section>
      <Section title={m.trend.heading}>
        <p>{m.trend.lead}</p>
        {queryState(trend) ??
          (data && (
            <>
              <p>
                {data.baselineYear === null
                  ? m.trend.noBaseline
                  : m.trend.baseline(data.baselineYear, data.baselineCount)}
              </p>
              <YearTable trend={data} />
              <TargetTable trend={data} />
              {editing ? (
                <TargetForm
                  trend={data}
                  onDone={(saved) => {
                    setEditing(false);
                    if (saved) onSaved(m.trend.saved);
                    requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
                  }}
                />
              ) : (
                <div className="button-row it-after-table">
                  <Button id={buttonId} onPress={() => setEditing(true)}>
                    {m.trend.setTargets}
                  </Button>
                </div>
              )}
            </>
          ))}
      </Section>
    </>
  );
}
