import type { ReactNode } from 'react';

/** The id of a field's first focusable element: what the error summary links to. */
export function fieldId(name: string): string {
  return `field-${name}`;
}

interface FieldSetProps {
  id: string;
  legend: string;
  help?: string | null;
  error?: string | null;
  children: ReactNode;
  className?: string;
}

/**
 * A group of controls answering one question (checkboxes, a ranked choice, a place): the question
 * as the legend, the help and the error under it, both tied to the group for screen readers.
 */
export function FieldSet({ id, legend, help, error, children, className }: FieldSetProps) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`field radio-field ${className ?? ''}`}
      aria-describedby={describedBy || undefined}
      data-invalid={error ? true : undefined}
    >
      <legend className="field-label">{legend}</legend>
      {help && (
        <p id={helpId} className="field-description">
          {help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}

interface NativeFieldProps {
  id: string;
  label: string;
  help?: string | null;
  error?: string | null;
  /** The control, given the ids to describe it with. */
  children: (describedBy: string | undefined) => ReactNode;
}

/** A label, help and error around one native control (a date input, a file input). */
export function NativeField({ id, label, help, error, children }: NativeFieldProps) {
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {help && (
        <span id={helpId} className="field-description">
          {help}
        </span>
      )}
      {children(describedBy || undefined)}
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
