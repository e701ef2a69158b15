import { type ReactNode, useMemo, useState } from 'react';
import {
  ComboBox as AriaComboBox,
  Button,
  FieldError,
  Input,
  Label,
  ListBox,
  Popover,
  Text,
  useFilter,
} from 'react-aria-components';
import { OptionItem } from './option-item.tsx';

export interface ComboBoxOption {
  id: string;
  /** The option's name: what the field shows once it is chosen, and its accessible name. */
  label: string;
  /** A second line under the name (its accessible description). */
  description?: ReactNode;
  /** More text the search matches besides the label (e.g. the names of parent units). */
  searchText?: string;
}

interface ComboBoxProps {
  /** The id of the text field, for links to it (the error summary). */
  id: string;
  label: string;
  description?: ReactNode;
  options: readonly ComboBoxOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  /** Shown in the list when nothing matches what was typed. */
  emptyText: string;
  /** Shown under the field, and marks it invalid, when set. */
  errorMessage?: string | null;
  isRequired?: boolean;
}

/**
 * A searchable single choice (React Aria ComboBox: a text field with a listbox, announced as a
 * combobox, arrow keys move in the list, Enter chooses, Escape closes). Typing filters the options
 * by their label and `searchText`, ignoring case and accents; the button shows them all.
 */
export function ComboBox({
  id,
  label,
  description,
  options,
  value,
  onChange,
  emptyText,
  errorMessage,
  isRequired,
}: ComboBoxProps) {
  const { contains } = useFilter({ sensitivity: 'base' });
  const selectedLabel = options.find((option) => option.id === value)?.label ?? '';
  const [inputValue, setInputValue] = useState(selectedLabel);

  // While the field shows the chosen option (or nothing), every option is offered.
  const items = useMemo(() => {
    if (inputValue === '' || inputValue === selectedLabel) return options;
    return options.filter(
      (option) => contains(option.label, inputValue) || contains(option.searchText ?? '', inputValue),
    );
  }, [options, inputValue, selectedLabel, contains]);

  return (
    <AriaComboBox
      className="field"
      items={items}
      value={value}
      onChange={(key) => {
        const next = key === null ? null : String(key);
        onChange(next);
        setInputValue(options.find((option) => option.id === next)?.label ?? '');
      }}
      inputValue={inputValue}
      onInputChange={(text) => {
        setInputValue(text);
        if (text === '') onChange(null);
      }}
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      allowsEmptyCollection
    >
      <Label className="field-label">{label}</Label>
      {description && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <div className="combo-box-control">
        <Input id={id} className="combo-box-input" />
        <Button className="combo-box-button">
          <span aria-hidden="true">▾</span>
        </Button>
      </div>
      <FieldError className="field-error">{errorMessage}</FieldError>
      <Popover className="select-popover">
        <ListBox
          className="select-listbox"
          renderEmptyState={() => <p className="select-empty">{emptyText}</p>}
        >
          {(option: ComboBoxOption) => <OptionItem option={option} />}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
