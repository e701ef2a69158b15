import { type FormEvent, useId, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../../ui/error-summary.tsx';
import { ProblemAlert } from '../../../ui/problem-alert.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { PersonPicker, type Picked } from '../../portfolio/pickers.tsx';
import { serverFieldErrors, today } from '../it-services-parts.tsx';
import { useAssignLicence } from './admin.api.ts';
import { isIsoDate } from './admin-parts.tsx';

/** Give a member of staff, searched by name or e-mail, one of the pool's licences from a day. */
export function AssignForm({ poolId, onSaved }: { poolId: string; onSaved: (message: string) => void }) {
  const { t } = useI18n();
  const m = t.itServicesAdmin.licences.pool.assign;
  const assign = useAssignLicence(poolId);
  const headingId = useId();
  const personId = useId();
  const fromId = useId();
  const [person, setPerson] = useState<Picked | null>(null);
  const [from, setFrom] = useState(today());
  const [checked, setChecked] = useState(false);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [formKey, setFormKey] = useState(0);

  const errorsNow: { personId?: string; from?: string } = {};
  if (!person) errorsNow.personId = m.errors.personId;
  if (!isIsoDate(from.trim())) errorsNow.from = m.errors.from;
  const codes = { licence_person_unknown: 'personId', licence_already_assigned: 'personId' } as const;
  const remote = assign.isError ? serverFieldErrors(assign.error, m.errors, codes) : {};
  const errors = { ...remote, ...(checked ? errorsNow : {}) };
  const summary: SummaryError[] = [
    ...(errors.personId ? [{ fieldId: personId, message: errors.personId }] : []),
    ...(errors.from ? [{ fieldId: fromId, message: errors.from }] : []),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!person || errorsNow.from) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    if (assign.isPending) return;
    assign.mutate(
      { personId: person.id, from: from.trim() },
      {
        onSuccess: () => {
          onSaved(m.assigned(person.name));
          setPerson(null);
          setChecked(false);
          setFormKey((key) => key + 1);
        },
      },
    );
  };

  return (
    <form className="form it-upload" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>{m.heading}</h3>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      <PersonPicker
        key={formKey}
        id={personId}
        value={person}
        onChange={(picked) => {
          setPerson(picked);
          if (assign.isError) assign.reset();
        }}
        errorMessage={errors.personId}
      />
      <TextField
        id={fromId}
        label={m.from}
        description={t.itServicesAdmin.common.dateHelp}
        value={from}
        onChange={setFrom}
        size="medium"
        errorMessage={errors.from}
        isRequired
      />
      {assign.isError && summary.length === 0 && <ProblemAlert error={assign.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {assign.isPending ? t.itServicesAdmin.common.saving : m.button}
        </Button>
      </div>
    </form>
  );
}
