import type { CaseUserTask, FormField } from '@karna/contracts';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryError } from '../../ui/error-summary.tsx';
import { ProblemAlert } from '../../ui/problem-alert.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { Checkbox, DateInput } from './case-fields.tsx';
import { localized } from './case-format.ts';
import { useCaseCommand } from './cases.api.ts';
import {
  type FieldValue,
  type FieldValues,
  initialValues,
  isFieldRequired,
  isVisible,
  readTaskForm,
  serverFieldErrors,
  type TaskFormSpec,
  toFormData,
  validate,
} from './task-form-model.ts';

interface FieldProps {
  field: FormField;
  id: string;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  errorMessage: string | null;
  isRequired: boolean;
}

/** One field of a task form, by its widget. */
function TaskField({ field, id, value, onChange, errorMessage, isRequired }: FieldProps) {
  const { t, language } = useI18n();
  const label = localized(field.label, language);
  const description = field.help ? localized(field.help, language) : undefined;
  const text = typeof value === 'string' ? value : '';
  const options = (field.options ?? []).map((option) => ({
    id: option.value,
    label: localized(option.label, language),
  }));
  switch (field.widget) {
    case 'checkbox':
      return (
        <Checkbox
          id={id}
          label={label}
          description={description}
          checked={value === true}
          onChange={onChange}
          errorMessage={errorMessage}
        />
      );
    case 'radio':
      return (
        <RadioGroup
          id={id}
          label={label}
          description={description}
          options={options}
          value={text || null}
          onChange={onChange}
          errorMessage={errorMessage}
        />
      );
    case 'select':
      return (
        <Select
          id={id}
          label={label}
          description={description}
          options={options}
          value={text || null}
          onChange={(next) => onChange(next ?? '')}
          placeholder={t.cases.tasks.choosePlaceholder}
          errorMessage={errorMessage}
          isRequired={isRequired}
        />
      );
    case 'date':
      return (
        <DateInput
          id={id}
          label={label}
          description={description}
          value={text}
          onChange={onChange}
          errorMessage={errorMessage}
        />
      );
    default:
      return (
        <TextField
          id={id}
          label={label}
          description={description}
          value={text}
          onChange={onChange}
          errorMessage={errorMessage}
          isRequired={isRequired}
          multiline={field.widget === 'textarea'}
          type={field.widget === 'email' ? 'email' : field.widget === 'phone' ? 'tel' : 'text'}
          inputMode={field.widget === 'number' ? 'numeric' : undefined}
          size={field.widget === 'number' ? 'short' : 'full'}
        />
      );
  }
}

interface TaskFormProps {
  caseId: string;
  task: CaseUserTask;
  /** Told once the task is done, with its title, to announce it and move focus. */
  onCompleted: (title: string) => void;
}

/**
 * A user task's form, drawn from its fields (checkbox, text, textarea, select, radio, date …) and
 * checked against what its JSON Schema requires before sending; the server checks it all again and
 * its field errors are shown at their fields. "Slutför uppgift" completes the task.
 */
export function TaskForm({ caseId, task, onCompleted }: TaskFormProps) {
  const { t, language } = useI18n();
  const m = t.cases.tasks;
  const spec: TaskFormSpec = useMemo(
    () => (task.form ? readTaskForm(task.form) : { schema: {}, fields: [] }),
    [task.form],
  );
  const [values, setValues] = useState<FieldValues>(() => initialValues(spec));
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [checked, setChecked] = useState(false);
  const complete = useCaseCommand(caseId);
  const formId = useId();
  const fieldId = (name: string) => `${formId}-${name}`;
  const title = localized(task.title, language);

  const localErrors = checked ? validate(spec, values, t, language) : {};
  const remoteErrors =
    complete.error instanceof ApiError ? serverFieldErrors(complete.error.problem.errors, spec) : {};
  const errors = { ...remoteErrors, ...localErrors };
  const visibleFields = spec.fields.filter((field) => isVisible(field, values));
  const summary: SummaryError[] = visibleFields.flatMap((field) => {
    const message = errors[field.name];
    return message ? [{ fieldId: fieldId(field.name), message }] : [];
  });
  const otherProblem = complete.isError && Object.keys(remoteErrors).length === 0;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (complete.isPending) return;
    setChecked(true);
    if (Object.keys(validate(spec, values, t, language)).length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    complete.mutate(
      { kind: 'completeTask', taskId: task.id, body: { data: toFormData(spec, values) } },
      {
        onSuccess: () => onCompleted(title),
        onError: (error) => {
          if (
            error instanceof ApiError &&
            Object.keys(serverFieldErrors(error.problem.errors, spec)).length > 0
          ) {
            setFailedSubmits((count) => count + 1);
          }
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form" aria-label={title}>
      <ErrorSummary title={t.common.errorSummaryTitle} errors={summary} focusKey={failedSubmits} />
      {spec.fields.length === 0 && <p className="muted">{m.noForm}</p>}
      {visibleFields.map((field) => (
        <TaskField
          key={field.name}
          field={field}
          id={fieldId(field.name)}
          value={values[field.name]}
          onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
          errorMessage={errors[field.name] ?? null}
          isRequired={isFieldRequired(spec, field)}
        />
      ))}
      {otherProblem && <ProblemAlert error={complete.error} />}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {complete.isPending ? m.completing : m.complete}
        </Button>
      </div>
    </form>
  );
}
