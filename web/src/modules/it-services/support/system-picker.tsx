import { useState } from 'react';
import {
  ComboBox as AriaComboBox,
  Button,
  FieldError,
  Input,
  Label,
  ListBox,
  Popover,
  Text,
} from 'react-aria-components';
import { useI18n } from '../../../lib/i18n.tsx';
import { OptionItem } from '../../../ui/option-item.tsx';
import { useSystemSearch } from './support.api.ts';

export interface PickedSystem {
  id: string;
  name: string;
}

/**
 * A system of the portfolio, searched on the server as one types (a React Aria combo box: arrows
 * move in the list, Enter chooses). Retired systems are left out; each shows its owning board.
 */
export function SystemPicker({
  id,
  value,
  onChange,
  errorMessage,
}: {
  id: string;
  value: PickedSystem | null;
  onChange: (system: PickedSystem | null) => void;
  errorMessage?: string | null;
}) {
  const { t } = useI18n();
  const m = t.itSupport.report;
  const [inputValue, setInputValue] = useState(value?.name ?? '');
  const search = inputValue !== (value?.name ?? '') ? inputValue.trim() : '';
  const systems = useSystemSearch(search);
  const found = (systems.data?.items ?? [])
    .filter((system) => system.lifecycle !== 'retired')
    .map((system) => ({ id: system.id, label: system.name, description: system.owningBoard.name }));
  // The chosen one stays in the list whatever the latest search found, or the combo box forgets it.
  const items =
    value && !found.some((item) => item.id === value.id)
      ? [{ id: value.id, label: value.name }, ...found]
      : found;
  return (
    <AriaComboBox
      className="field"
      items={items}
      selectedKey={value?.id ?? null}
      onSelectionChange={(key) => {
        const chosen = items.find((item) => item.id === key);
        onChange(chosen ? { id: chosen.id, name: chosen.label } : null);
        if (chosen) setInputValue(chosen.label);
      }}
      inputValue={inputValue}
      onInputChange={(text) => {
        setInputValue(text);
        if (value && text !== value.name) onChange(null);
      }}
      isRequired
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      allowsEmptyCollection
      menuTrigger="input"
    >
      <Label className="field-label">{m.system}</Label>
      <Text slot="description" className="field-description">
        {m.systemHelp}
      </Text>
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
          renderEmptyState={() => (
            <p className="select-empty">{systems.isFetching ? m.searching : m.noSystems}</p>
          )}
        >
          {(option: { id: string; label: string; description?: string }) => <OptionItem option={option} />}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
