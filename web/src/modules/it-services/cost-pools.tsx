import type { CostPool, DistributionModel } from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { EmptyState } from '../../ui/empty-state.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useEditToggle } from '../portfolio/use-edit-toggle.ts';
import { useCostPools, useCreateCostPool } from './it-services.api.ts';
import { formatKronor, queryState, Section, serverFieldErrors, TableScroll } from './it-services-parts.tsx';

const MODELS: readonly DistributionModel[] = [1, 2, 3, 4, 5, 6];
const FIELDS = ['year', 'costType', 'category', 'annualAmountOre', 'models'] as const;
type Field = (typeof FIELDS)[number];

/** Kronor as typed (`120 000`, `1250,50`) in whole öre, or null when it is not an amount. */
export function parseKronor(text: string): number | null {
  const plain = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  return Math.round(Number(plain) * 100);
}

/** A per cent share (`40`, `33,33`) in hundredths of a per cent, or null when it is not one. */
export function parseShare(text: string): number | null {
  const plain = text.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  const basisPoints = Math.round(Number(plain) * 100);
  return basisPoints >= 1 && basisPoints <= 10_000 ? basisPoints : null;
}

function formatShare(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}

/** A new cost pool for a year: its cost type and category, annual amount, and models with shares. */
function PoolForm({
  year,
  headingRef,
  onDone,
}: {
  year: number;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (created: CostPool | null) => void;
}) {
  const { t } = useI18n();
  const m = t.itServices.chargeback.allocation.pools;
  const create = useCreateCostPool();
  const headingId = useId();
  const modelsId = useId();
  const ids: Record<Field, string> = {
    year: useId(),
    costType: useId(),
    category: useId(),
    annualAmountOre: useId(),
    models: `${modelsId}-1`,
  };
  const [yearText, setYearText] = useState(String(year));
  const [costType, setCostType] = useState('');
  const [category, setCategory] = useState('');
  const [annual, setAnnual] = useState('');
  const [shares, setShares] = useState<Record<number, string>>({});
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const errorsNow: Partial<Record<Field, string>> = {};
  const shareErrors: Partial<Record<number, string>> = {};
  const yearValue = Number(yearText.trim());
  if (!/^\d{4}$/.test(yearText.trim()) || yearValue < 2000 || yearValue > 2199)
    errorsNow.year = m.errors.year;
  if (!costType.trim() || costType.trim().length > 80) errorsNow.costType = m.errors.costType;
  if (!category.trim() || category.trim().length > 160) errorsNow.category = m.errors.category;
  const amountOre = parseKronor(annual);
  if (amountOre === null) errorsNow.annualAmountOre = m.errors.annualAmountOre;
  const models: { model: DistributionModel; shareBasisPoints: number }[] = [];
  for (const model of MODELS) {
    const text = shares[model]?.trim() ?? '';
    if (!text) continue;
    const basisPoints = parseShare(text);
    if (basisPoints === null) shareErrors[model] = m.errors.share;
    else models.push({ model, shareBasisPoints: basisPoints });
  }
  const total = models.reduce((sum, share) => sum + share.shareBasisPoints, 0);
  if (Object.keys(shareErrors).length === 0 && total !== 10_000) errorsNow.models = m.errors.models;
  const remote = create.isError
    ? serverFieldErrors(create.error, m.errors, { cost_pool_taken: 'category' })
    : {};
  const errors = { ...remote, ...(checked ? errorsNow : {}) };
  const shown = checked ? shareErrors : {};
  const summary: SummaryError[] = [
    ...FIELDS.flatMap((field) => {
      const message = errors[field];
      return message ? [{ fieldId: ids[field], message }] : [];
    }),
    ...MODELS.flatMap((model) => {
      const message = shown[model];
      return message ? [{ fieldId: `${modelsId}-${model}`, message }] : [];
    }),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(errorsNow).length > 0 || Object.keys(shareErrors).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (create.isPending || amountOre === null) return;
    create.mutate(
      {
        year: yearValue,
        costType: costType.trim(),
        category: category.trim(),
        annualAmountOre: amountOre,
        models,
      },
      {
        onSuccess: (pool) => onDone(pool),
        onError: (error) => {
          if (Object.keys(serverFieldErrors(error, m.errors, { cost_pool_taken: 'category' })).length > 0)
            setFailedSubmits((count) => count + 1);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {m.formHeading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <TextField
        id={ids.year}
        label={m.year}
        value={yearText}
        onChange={setYearText}
        inputMode="numeric"
        size="short"
        errorMessage={errors.year}
        isRequired
      />
      <TextField
        id={ids.costType}
        label={m.costType}
        description={m.costTypeHelp}
        value={costType}
        onChange={(value) => {
          setCostType(value);
          if (remote.category) create.reset();
        }}
        errorMessage={errors.costType}
        isRequired
      />
      <TextField
        id={ids.category}
        label={m.category}
        value={category}
        onChange={(value) => {
          setCategory(value);
          if (remote.category) create.reset();
        }}
        errorMessage={errors.category}
        isRequired
      />
      <TextField
        id={ids.annualAmountOre}
        label={m.annual}
        value={annual}
        onChange={setAnnual}
        inputMode="numeric"
        size="medium"
        errorMessage={errors.annualAmountOre}
        isRequired
      />
      <fieldset
        className="it-fieldset"
        aria-describedby={errors.models ? `${modelsId}-hint ${modelsId}-error` : `${modelsId}-hint`}
      >
        <legend className="field-label">{m.models}</legend>
        <p id={`${modelsId}-hint`} className="field-description">
          {m.modelsHelp}
        </p>
        {errors.models && (
          <p id={`${modelsId}-error`} className="field-error">
            {errors.models}
          </p>
        )}
        <div className="it-share-grid">
          {MODELS.map((model) => (
            <TextField
              key={model}
              id={`${modelsId}-${model}`}
              label={m.modelField(model, t.itServices.terms.model[model])}
              value={shares[model] ?? ''}
              onChange={(value) => setShares((current) => ({ ...current, [model]: value }))}
              inputMode="numeric"
              size="short"
              errorMessage={shown[model]}
            />
          ))}
        </div>
      </fieldset>
      {create.isError && summary.length === 0 && <ProblemAlert error={create.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {create.isPending ? m.saving : m.save}
        </Button>
        <Button onPress={() => onDone(null)}>{m.cancel}</Button>
      </div>
    </form>
  );
}

function PoolTable({ pools, year }: { pools: readonly CostPool[]; year: number }) {
  const { t, locale } = useI18n();
  const m = t.itServices.chargeback.allocation.pools;
  const captionId = useId();
  if (pools.length === 0) return <EmptyState>{m.empty(year)}</EmptyState>;
  return (
    <TableScroll captionId={captionId}>
      <table className="data-table">
        <caption id={captionId} className="visually-hidden">
          {m.caption(year)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.costType}</th>
            <th scope="col">{m.columns.category}</th>
            <th scope="col" className="numeric it-amount">
              {m.columns.annual}
            </th>
            <th scope="col">{m.columns.models}</th>
          </tr>
        </thead>
        <tbody>
          {pools.map((pool) => (
            <tr key={pool.id}>
              <th scope="row">{pool.costType}</th>
              <td>{pool.category}</td>
              <td className="numeric it-amount">{formatKronor(pool.annualAmountOre, locale)}</td>
              <td>
                <ul className="it-plain-list">
                  {pool.models.map((share) => (
                    <li key={share.model}>
                      {m.modelShare(
                        formatShare(share.shareBasisPoints, locale),
                        share.model,
                        t.itServices.terms.model[share.model],
                      )}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** A year's cost pools and the form that adds one. */
export function CostPools({ year, onSaved }: { year: number; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const m = t.itServices.chargeback.allocation.pools;
  const pools = useCostPools(year);
  const toggle = useEditToggle();
  return (
    <Section title={m.heading(year)}>
      {queryState(pools) ?? <PoolTable pools={pools.data?.items ?? []} year={year} />}
      {toggle.editing ? (
        <PoolForm
          year={year}
          headingRef={toggle.headingRef}
          onDone={(created) => {
            if (created) onSaved(m.created(`${created.costType} – ${created.category}`));
            toggle.close();
          }}
        />
      ) : (
        <div className="button-row it-after-table">
          <Button id={toggle.buttonId} onPress={toggle.open}>
            {m.create}
          </Button>
        </div>
      )}
    </Section>
  );
}
