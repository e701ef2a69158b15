import type { Order, Service } from '@karna/contracts';
import { type FormEvent, type RefObject, useId, useState } from 'react';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { DateInput } from '../cases/case-fields.tsx';
import { type Department, usePlaceOrder } from './it-services.api.ts';
import { serverFieldErrors, today } from './it-services-parts.tsx';

const FIELDS = ['departmentId', 'quantity', 'costCentre', 'startDate', 'note'] as const;
type Field = (typeof FIELDS)[number];

/** Problem codes that are about one field of the order. */
const CODE_FIELDS: Partial<Record<string, Field>> = {
  service_not_available: 'startDate',
  department_unknown: 'departmentId',
};

/**
 * Order a service for a department: which department pays, how many, the cost centre, from when,
 * and a note. Says beforehand whether the order is approved as sent (the department's authorised
 * orderer) or waits for the orderer. Errors are shown at the fields, the server's too, and listed
 * in a summary above them.
 */
export function OrderForm({
  service,
  departments,
  canBackdate,
  headingRef,
  onDone,
}: {
  service: Service;
  departments: readonly Department[];
  /** The IT department may record an order that began before today. */
  canBackdate: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDone: (placed: Order | null) => void;
}) {
  const { t } = useI18n();
  const m = t.itServices.orderForm;
  const place = usePlaceOrder();
  const headingId = useId();
  const ids: Record<Field, string> = {
    departmentId: useId(),
    quantity: useId(),
    costCentre: useId(),
    startDate: useId(),
    note: useId(),
  };
  const [departmentId, setDepartmentId] = useState<string | null>(
    departments.length === 1 ? (departments[0]?.id ?? null) : null,
  );
  const [quantity, setQuantity] = useState('1');
  const [costCentre, setCostCentre] = useState('');
  const [startDate, setStartDate] = useState(() =>
    today() < service.availableFrom ? service.availableFrom : today(),
  );
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);

  const amount = Number(quantity.trim().replace(/\s/g, ''));
  const errorsNow: Partial<Record<Field, string>> = {};
  if (!departmentId) errorsNow.departmentId = m.errors.departmentId;
  if (!/^\d[\d\s]*$/.test(quantity.trim()) || amount < 1 || amount > 100_000)
    errorsNow.quantity = m.errors.quantity;
  if (!costCentre.trim() || costCentre.trim().length > 20) errorsNow.costCentre = m.errors.costCentre;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) errorsNow.startDate = m.errors.startDate;
  else if (!canBackdate && startDate < today()) errorsNow.startDate = m.errors.startDatePast;
  if (note.trim().length > 1000) errorsNow.note = m.errors.note;
  const remote = place.isError ? serverFieldErrors(place.error, m.errors, CODE_FIELDS) : {};
  const errors = { ...remote, ...(checked ? errorsNow : {}) };
  const summary: SummaryError[] = FIELDS.flatMap((field) => {
    const message = errors[field];
    return message ? [{ fieldId: ids[field], message }] : [];
  });
  const department = departments.find((candidate) => candidate.id === departmentId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(errorsNow).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (place.isPending || !departmentId) return;
    place.mutate(
      {
        serviceId: service.id,
        departmentId,
        quantity: amount,
        costCentre: costCentre.trim(),
        startDate,
        note: note.trim() || null,
      },
      {
        onSuccess: (order) => onDone(order),
        onError: (error) => {
          if (Object.keys(serverFieldErrors(error, m.errors, CODE_FIELDS)).length > 0)
            setFailedSubmits((count) => count + 1);
        },
      },
    );
  };
  // A field the server refused is judged again once it changes.
  const edited = (field: Field) => {
    if (remote[field]) place.reset();
  };

  return (
    <form className="form it-order-form" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {m.heading(service.name)}
      </h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <Select
        id={ids.departmentId}
        label={m.department}
        description={m.departmentHelp}
        placeholder={m.chooseDepartment}
        options={departments.map((candidate) => ({ id: candidate.id, label: candidate.name }))}
        value={departmentId}
        onChange={(value) => {
          setDepartmentId(value);
          edited('departmentId');
        }}
        errorMessage={errors.departmentId}
        isRequired
      />
      {department && (
        <p className="notice it-order-approval">{department.orders ? m.approvedAtOnce : m.needsApproval}</p>
      )}
      <TextField
        id={ids.quantity}
        label={m.quantity}
        description={m.quantityHelp(service.unit)}
        value={quantity}
        onChange={(value) => {
          setQuantity(value);
          edited('quantity');
        }}
        inputMode="numeric"
        size="short"
        errorMessage={errors.quantity}
        isRequired
      />
      <TextField
        id={ids.costCentre}
        label={m.costCentre}
        description={m.costCentreHelp}
        value={costCentre}
        onChange={(value) => {
          setCostCentre(value);
          edited('costCentre');
        }}
        size="short"
        errorMessage={errors.costCentre}
        isRequired
      />
      <DateInput
        id={ids.startDate}
        label={m.startDate}
        description={m.startDateHelp}
        value={startDate}
        onChange={(value) => {
          setStartDate(value);
          edited('startDate');
        }}
        errorMessage={errors.startDate}
      />
      <TextField
        id={ids.note}
        label={m.note}
        value={note}
        onChange={(value) => {
          setNote(value);
          edited('note');
        }}
        errorMessage={errors.note}
        multiline
      />
      {place.isError && summary.length === 0 && <ProblemAlert error={place.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {place.isPending ? m.sending : m.submit}
        </Button>
        <Button onPress={() => onDone(null)}>{m.cancel}</Button>
      </div>
    </form>
  );
}
