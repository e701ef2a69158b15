import {
  Select as AriaSelect,
  Button,
  FieldError,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
  Text,
} from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
  /** Indentation level, for options that form a tree (organisation units). */
  depth?: number;
}

interface SelectProps {
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  placeholder?: string;
  description?: string;
  /** Shown under the field, and marks it invalid, when set. */
  errorMessage?: string | null;
  isRequired?: boolean;
  name?: string;
}

const maxDepthClass = 5;

/**
 * A labelled single-choice select (React Aria: listbox popover with keyboard and screen reader
 * support). Validation is ours (`errorMessage`), not the browser's.
 */
export function Select({
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
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </Button>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="select-popover">
        <ListBox className="select-listbox" items={options}>
          {(option) => (
            <ListBoxItem
              id={option.id}
              textValue={option.label}
              className={`select-option depth-${Math.min(option.depth ?? 0, maxDepthClass)}`}
            >
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
