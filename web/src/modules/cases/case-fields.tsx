import type { ReactNode } from 'react';

// Two form controls the shared ui/ folder has no component for yet: a checkbox and a date field.
// Both are native inputs (the browser and assistive technology know them well), styled like the
// house's radio buttons and text fields.

interface CheckboxProps {
  id: string;
  label: string;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown under the box, and marks it invalid, when set. */
  errorMessage?: string | null;
}

/** A labelled checkbox, its hint and error tied to it. */
export function Checkbox({ id, label, description, checked, onChange, errorMessage }: CheckboxProps) {
  const describedBy = [description ? `${id}-hint` : null, errorMessage ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field checkbox-field" data-invalid={errorMessage ? true : undefined}>
      <div className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy || undefined}
          aria-invalid={errorMessage ? true : undefined}
        />
        <label htmlFor={id} className="checkbox-label">
          {label}
        </label>
        {description && (
          <span id={`${id}-hint`} className="checkbox-hint">
            {description}
          </span>
        )}
      </div>
      {errorMessage && (
        <p id={`${id}-error`} className="field-error">
          {errorMessage}
        </p>
      )}
    </div>
  );
}

interface DateInputProps {
  id: string;
  label: string;
  description?: ReactNode;
  /** `YYYY-MM-DD`, or empty. */
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string | null;
}

/** A labelled date field (the browser's own date picker, which also takes typed dates). */
export function DateInput({ id, label, description, value, onChange, errorMessage }: DateInputProps) {
  const describedBy = [description ? `${id}-hint` : null, errorMessage ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field" data-invalid={errorMessage ? true : undefined}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {description && (
        <span id={`${id}-hint`} className="field-description">
          {description}
        </span>
      )}
      <input
        type="date"
        id={id}
        className="text-input text-input-short date-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy || undefined}
        aria-invalid={errorMessage ? true : undefined}
      />
      {errorMessage && (
        <p id={`${id}-error`} className="field-error">
          {errorMessage}
        </p>
      )}
    </div>
  );
}
