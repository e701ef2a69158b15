import { type MouseEvent, useEffect, useId, useRef } from 'react';

export interface SummaryError {
  /** The id of the field's focusable element (input, select button). */
  fieldId: string;
  message: string;
}

interface ErrorSummaryProps {
  title: string;
  errors: readonly SummaryError[];
  /** Changes on every submit that found errors: the summary takes focus again each time. */
  focusKey: number;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  // Focus the field itself; the link's own jump would only scroll, and past the label.
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}

/**
 * The errors of a form, listed at its top after a submit (the GOV.UK error summary): it takes focus
 * and is announced, and each error is a link that moves focus to its field. The fields show the
 * same messages next to them.
 */
export function ErrorSummary({ title, errors, focusKey }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);

  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="error-summary">
      <div role="alert">
        <h3 id={titleId} className="error-summary-title">
          {title}
        </h3>
        <ul className="error-summary-list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId)}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
