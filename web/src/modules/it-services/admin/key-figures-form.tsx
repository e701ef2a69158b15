import type { KeyFigures } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../../ui/error-summary.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { parseKronor } from '../cost-pools.tsx';
import { useSaveKeyFigures } from './admin.api.ts';
import { kronorText, parsePercent } from './admin-parts.tsx';

interface DepartmentRow {
  turnover: string;
  own: string;
}

/** A year's turnover, the reference value and each department's turnover and own IT costs. */
export function KeyFigureForm({
  figures,
  onDone,
}: {
  figures: KeyFigures;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.keyFigures.form;
  const common = t.itServicesAdmin.common;
  const save = useSaveKeyFigures(figures.year);
  const headingId = useId();
  const turnoverId = useId();
  const referenceId = useId();
  const departmentsId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const money = (ore: number | null) => (ore === null ? '' : kronorText(ore));
  const [turnover, setTurnover] = useState(money(figures.municipality.turnoverOre));
  const [reference, setReference] = useState(
    figures.nationalAveragePercent === null ? '' : String(figures.nationalAveragePercent).replace('.', ','),
  );
  const [rows, setRows] = useState<Record<string, DepartmentRow>>(() =>
    Object.fromEntries(
      figures.departments.map((department) => [
        department.departmentId,
        {
          turnover: money(department.turnoverOre),
          own: department.ownItCostOre ? money(department.ownItCostOre) : '',
        },
      ]),
    ),
  );
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  useEffect(() => headingRef.current?.focus(), []);

  const municipalityTurnoverOre = parseKronor(turnover);
  const nationalAveragePercent = reference.trim() ? parsePercent(reference) : null;
  const rowErrors: Record<string, { turnover?: string; own?: string }> = {};
  // A department left empty is not sent, so that it has no turnover (and no share) rather than 0.
  const departments = figures.departments.flatMap((department) => {
    const row = rows[department.departmentId] ?? { turnover: '', own: '' };
    if (!row.turnover.trim() && !row.own.trim()) return [];
    const turnoverOre = row.turnover.trim() ? parseKronor(row.turnover) : 0;
    const ownItCostOre = row.own.trim() ? parseKronor(row.own) : 0;
    if (turnoverOre === null || ownItCostOre === null)
      rowErrors[department.departmentId] = {
        turnover: turnoverOre === null ? common.amountError : undefined,
        own: ownItCostOre === null ? common.amountError : undefined,
      };
    return [
      {
        departmentId: department.departmentId,
        turnoverOre: turnoverOre ?? 0,
        ownItCostOre: ownItCostOre ?? 0,
      },
    ];
  });
  const errorsNow: { municipalityTurnoverOre?: string; nationalAveragePercent?: string } = {
    municipalityTurnoverOre: municipalityTurnoverOre === null ? m.errors.municipalityTurnoverOre : undefined,
    nationalAveragePercent:
      reference.trim() && nationalAveragePercent === null ? m.errors.nationalAveragePercent : undefined,
  };
  const hasErrors =
    Boolean(errorsNow.municipalityTurnoverOre || errorsNow.nationalAveragePercent) ||
    Object.keys(rowErrors).length > 0;
  const shown: typeof errorsNow = checked ? errorsNow : {};
  const shownRows: typeof rowErrors = checked ? rowErrors : {};
  const summary: SummaryError[] = [
    ...(shown.municipalityTurnoverOre
      ? [{ fieldId: turnoverId, message: shown.municipalityTurnoverOre }]
      : []),
    ...(shown.nationalAveragePercent
      ? [{ fieldId: referenceId, message: shown.nationalAveragePercent }]
      : []),
    ...figures.departments.flatMap((department) => {
      const errors = shownRows[department.departmentId];
      if (!errors) return [];
      return [
        ...(errors.turnover
          ? [
              {
                fieldId: `${departmentsId}-${department.departmentId}-turnover`,
                message: `${department.departmentName}: ${errors.turnover}`,
              },
            ]
          : []),
        ...(errors.own
          ? [
              {
                fieldId: `${departmentsId}-${department.departmentId}-own`,
                message: `${department.departmentName}: ${errors.own}`,
              },
            ]
          : []),
      ];
    }),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (hasErrors || municipalityTurnoverOre === null) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (save.isPending) return;
    save.mutate(
      { municipalityTurnoverOre, nationalAveragePercent, departments },
      { onSuccess: () => onDone(true) },
    );
  };
  const setRow = (departmentId: string, change: Partial<DepartmentRow>) =>
    setRows((current) => ({
      ...current,
      [departmentId]: { ...(current[departmentId] ?? { turnover: '', own: '' }), ...change },
    }));

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {m.heading(figures.year)}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <TextField
        id={turnoverId}
        label={m.turnover}
        value={turnover}
        onChange={setTurnover}
        inputMode="numeric"
        size="medium"
        errorMessage={shown.municipalityTurnoverOre}
        isRequired
      />
      <TextField
        id={referenceId}
        label={m.reference}
        description={m.referenceHelp}
        value={reference}
        onChange={setReference}
        inputMode="numeric"
        size="short"
        errorMessage={shown.nationalAveragePercent}
      />
      <fieldset className="it-fieldset">
        <legend className="field-label">{m.departments}</legend>
        {figures.departments.map((department) => (
          <div className="it-choose-row" key={department.departmentId}>
            <TextField
              id={`${departmentsId}-${department.departmentId}-turnover`}
              label={m.departmentTurnover(department.departmentName)}
              value={rows[department.departmentId]?.turnover ?? ''}
              onChange={(value) => setRow(department.departmentId, { turnover: value })}
              inputMode="numeric"
              size="medium"
              errorMessage={shownRows[department.departmentId]?.turnover}
            />
            <TextField
              id={`${departmentsId}-${department.departmentId}-own`}
              label={m.departmentOwn(department.departmentName)}
              value={rows[department.departmentId]?.own ?? ''}
              onChange={(value) => setRow(department.departmentId, { own: value })}
              inputMode="numeric"
              size="medium"
              errorMessage={shownRows[department.departmentId]?.own}
            />
          </div>
        ))}
      </fieldset>
      {save.isError && <ProblemAlert error={save.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {save.isPending ? common.saving : common.save}
        </Button>
        <Button onPress={() => onDone(false)}>{common.cancel}</Button>
      </div>
    </form>
  );
}
