import type { ReactNode } from 'react';
import { TextField as AriaTextField, FieldError, Input, Label, Text, TextArea } from 'react-aria-components';

interface TextFieldProps {
  /** The id of the input, for links to it (the error summary). */
  id: string;
  label: string;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field, and marks it invalid, when set. */
  errorMessage?: string | null;
  isRequired?: boolean;
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  /** The field's purpose for autofill (WCAG 1.3.5), e.g. `email`, `tel`, `family-name`. */
  autoComplete?: string;
  /** A text area for several lines instead of a one-line input. */
  multiline?: boolean;
  /** Hint of the expected length: the input's width in characters (it never gets wider than its box). */
  size?: 'short' | 'medium' | 'full';
}

/**
 * A labelled text input (React Aria TextField: label, description and error are tied to the input
 * for screen readers). Validation is ours (`errorMessage`), not the browser's.
 */
export function TextField({
  id,
  label,
  description,
  value,
  onChange,
  errorMessage,
  isRequired,
  type = 'text',
  inputMode,
  autoComplete,
  multiline,
  size = 'full',
}: TextFieldProps) {
  return (
    <AriaTextField
      id={id}
      className="field"
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      {multiline ? (
        <TextArea className="text-input text-area" rows={4} />
      ) : (
        <Input className={`text-input text-input-${size}`} />
      )}
      <FieldError className="field-error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
