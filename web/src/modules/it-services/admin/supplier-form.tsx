import { isValidOrganisationNumber, type Supplier } from '@karna/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../../ui/error-summary.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { serverFieldErrors } from '../it-services-parts.tsx';
import { useSaveSupplier } from './admin.api.ts';

const FIELDS = ['name', 'organisationNumber', 'category', 'notes'] as const;
type Field = (typeof FIELDS)[number];

/** Add a supplier, or change one: name, organisation number (checked by its Luhn digit), category, notes. */
export function SupplierForm({
  supplier,
  onDone,
}: {
  supplier: Supplier | null;
  onDone: (saved: Supplier | null) => void;
}) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.suppliers.form;
  const save = useSaveSupplier(supplier?.id ?? null);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids: Record<Field, string> = {
    name: useId(),
    organisationNumber: useId(),
    category: useId(),
    notes: useId(),
  };
  const [name, setName] = useState(supplier?.name ?? '');
  const [organisationNumber, setOrganisationNumber] = useState(supplier?.organisationNumber ?? '');
  const [category, setCategory] = useState(supplier?.category ?? '');
  const [notes, setNotes] = useState(supplier?.notes ?? '');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  useEffect(() => headingRef.current?.focus(), []);

  const errorsNow: Partial<Record<Field, string>> = {};
  if (!name.trim() || name.trim().length > 200) errorsNow.name = m.errors.name;
  if (!isValidOrganisationNumber(organisationNumber))
    errorsNow.organisationNumber = m.errors.organisationNumber;
  if (category.trim().length > 100) errorsNow.category = m.errors.category;
  if (notes.trim().length > 2000) errorsNow.notes = m.errors.notes;
  const codes = { supplier_taken: 'organisationNumber' } as const;
  const remote = save.isError ? serverFieldErrors(save.error, m.errors, codes) : {};
  const errors = { ...remote, ...(checked ? errorsNow : {}) };
  const summary: SummaryError[] = FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: ids[field], message }] : [];
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(errorsNow).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (save.isPending) return;
    save.mutate(
      {
        name: name.trim(),
        organisationNumber: organisationNumber.trim(),
        category: category.trim() || null,
        notes: notes.trim() || null,
      },
      {
        onSuccess: (saved) => onDone(saved),
        onError: (error) => {
          if (Object.keys(serverFieldErrors(error, m.errors, codes)).length > 0)
            setFailedSubmits((count) => count + 1);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {supplier ? m.editHeading(supplier.name) : m.addHeading}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <TextField
        id={ids.name}
        label={m.name}
        value={name}
        onChange={setName}
        errorMessage={errors.name}
        isRequired
      />
      <TextField
        id={ids.organisationNumber}
        label={m.organisationNumber}
        description={m.organisationNumberHelp}
        value={organisationNumber}
        onChange={(value) => {
          setOrganisationNumber(value);
          if (remote.organisationNumber) save.reset();
        }}
        inputMode="numeric"
        size="medium"
        errorMessage={errors.organisationNumber}
        isRequired
      />
      <TextField
        id={ids.category}
        label={m.category}
        description={m.categoryHelp}
        value={category}
        onChange={setCategory}
        errorMessage={errors.category}
      />
      <TextField
        id={ids.notes}
        label={m.notes}
        value={notes}
        onChange={setNotes}
        errorMessage={errors.notes}
        multiline
      />
      {save.isError && summary.length === 0 && <ProblemAlert error={save.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {save.isPending ? t.itServicesAdmin.common.saving : t.itServicesAdmin.common.save}
        </Button>
        <Button onPress={() => onDone(null)}>{t.itServicesAdmin.common.cancel}</Button>
      </div>
    </form>
  );
}
