import type { ReactNode } from 'react';
import {
  Select as AriaSelect,
  Button,
  FieldError,
  Label,
  ListBox,
  Popover,
  SelectValue,
  Text,
} from 'react-aria-components';
import { OptionItem } from './option-item.tsx';

export interface SelectOption {
  id: string;
  label: string;
  /** A second line under the label (its accessible description), e.g. what a role is for. */
  description?: string;
}

interface SelectProps {
  /** The id of the button that opens the list, for links to it (the error summary). */
  id?: string;
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  placeholder?: string;
  description?: ReactNode;
  /** Shown under the field, and marks it invalid, when set. */
  errorMessage?: string | null;
  isRequired?: boolean;
  name?: string;
}

/**
 * A labelled single-choice select (React Aria: listbox popover with keyboard and screen reader
 * support). Validation is ours (`errorMessage`), not the browser's.
 */
export function Select({
  id,
  label,
  options,
  value,
  onChange,
  placeholder,
  description,
  errorMessage,
  isRequired,
  name,
}: SelectProps) {
  return (
    <AriaSelect
      className="field"
      value={value}
      onChange={(key) => onChange(key === null ? null : String(key))}
      placeholder={placeholder}
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      name={name}
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <Button id={id} className="select-button">
        {/* The chosen option's name only, not its description line. */}
        <SelectValue className="select-value">
          {({ isPlaceholder, selectedText, defaultChildren }) =>
            isPlaceholder ? defaultChildren : selectedText
          }
        </SelectValue>
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="select-popover">
        <ListBox className="select-listbox" items={options}>
          {(option) => <OptionItem option={option} />}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
