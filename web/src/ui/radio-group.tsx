import { type ReactNode, useId } from 'react';

export interface RadioOption {
  id: string;
  label: string;
  /** A second line under the label, tied to the radio button as its description. */
  description?: string;
}

interface RadioGroupProps {
  /** The id of the first radio button, for links to the group (the error summary). */
  id: string;
  /** The question, as the group's legend. */
  label: string;
  description?: ReactNode;
  options: readonly RadioOption[];
  value: string | null;
  onChange: (value: string) => void;
  /** Shown under the legend, and marks the group invalid, when set. */
  errorMessage?: string | null;
  /** Lay short options side by side when there is room. */
  inline?: boolean;
}

/**
 * A single choice among a few options, all visible at once: native radio buttons in a fieldset
 * (the legend is read with each button, arrow keys move between them). The error summary links to
 * the first button, so `id` is that button's.
 */
export function RadioGroup({
  id,
  label,
  description,
  options,
  value,
  onChange,
  errorMessage,
  inline,
}: RadioGroupProps) {
  const name = useId();
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [description ? descriptionId : null, errorMessage ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className="field radio-field"
      aria-describedby={describedBy || undefined}
      data-invalid={errorMessage ? true : undefined}
    >
      <legend className="field-label">{label}</legend>
      {description && (
        <p id={descriptionId} className="field-description">
          {description}
        </p>
      )}
      {errorMessage && (
        <p id={errorId} className="field-error">
          {errorMessage}
        </p>
      )}
      <div className={inline ? 'radio-list radio-list-inline' : 'radio-list'}>
        {options.map((option, index) => {
          const inputId = index === 0 ? id : `${id}-${option.id}`;
          return (
            <div key={option.id} className="radio">
              <input
                type="radio"
                id={inputId}
                name={name}
                value={option.id}
                checked={value === option.id}
                onChange={() => onChange(option.id)}
                aria-describedby={option.description ? `${inputId}-hint` : undefined}
                aria-invalid={errorMessage ? true : undefined}
              />
              <label htmlFor={inputId} className="radio-label">
                {option.label}
              </label>
              {option.description && (
                <span id={`${inputId}-hint`} className="radio-hint">
                  {option.description}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
