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
import { useI18n } from '../../lib/i18n.tsx';
import { OptionItem } from '../../ui/option-item.tsx';
import { usePeople, useSystems } from './portfolio.api.ts';

/** A person or a system chosen in a picker. */
export interface Picked {
  id: string;
  name: string;
  description?: string;
}
export type Person = Picked;

interface SearchPickerProps {
  id: string;
  label: string;
  description: string;
  value: Picked | null;
  onChange: (picked: Picked | null) => void;
  errorMessage?: string | null;
  /** What the field shows while typing: the search. */
  inputValue: string;
  onInputChange: (text: string) => void;
  results: readonly { id: string; name: string; description?: string }[];
  /** Shown when the list is empty: still searching, or nothing found. */
  emptyText: string;
}

/**
 * A choice searched on the server as one types: a React Aria combo box (announced as one, arrows
 * move in the list, Enter chooses). Each option shows a name and, under it, a description.
 */
function SearchPicker({
  id,
  label,
  description,
  value,
  onChange,
  errorMessage,
  inputValue,
  onInputChange,
  results,
  emptyText,
}: SearchPickerProps) {
  // The chosen one stays in the list whatever the latest search found, or the combo box would
  // forget it.
  const shown = value && !results.some((result) => result.id === value.id) ? [value, ...results] : results;
  const items = shown.map((result) => ({
    id: result.id,
    label: result.name,
    description: result.description,
  }));
  return (
    <AriaComboBox
      className="field"
      items={items}
      selectedKey={value?.id ?? null}
      onSelectionChange={(key) => {
        const chosen = shown.find((result) => result.id === key);
        onChange(chosen ? { id: chosen.id, name: chosen.name } : null);
        if (chosen) onInputChange(chosen.name);
      }}
      inputValue={inputValue}
      onInputChange={(text) => {
        onInputChange(text);
        if (value && text !== value.name) onChange(null);
      }}
      isRequired
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      allowsEmptyCollection
      menuTrigger="input"
    >
      <Label className="field-label">{label}</Label>
      <Text slot="description" className="field-description">
        {description}
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
          renderEmptyState={() => <p className="select-empty">{emptyText}</p>}
        >
          {(option: { id: string; label: string; description?: string }) => <OptionItem option={option} />}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}

interface PickerProps {
  id: string;
  value: Picked | null;
  onChange: (picked: Picked | null) => void;
  errorMessage?: string | null;
}

/** A member of staff, by name or e-mail (`GET /api/portfolio/people?q=`, two characters or more). */
export function PersonPicker({ id, value, onChange, errorMessage }: PickerProps) {
  const { t } = useI18n();
  const m = t.portfolio.system.roles;
  const [inputValue, setInputValue] = useState(value?.name ?? '');
  const search = inputValue !== (value?.name ?? '') ? inputValue : '';
  const people = usePeople(search);
  return (
    <SearchPicker
      id={id}
      label={m.person}
      description={m.personHelp}
      value={value}
      onChange={onChange}
      errorMessage={errorMessage}
      inputValue={inputValue}
      onInputChange={setInputValue}
      results={(people.data?.items ?? []).map((person) => ({
        id: person.id,
        name: person.name,
        description: person.email ?? undefined,
      }))}
      emptyText={people.isFetching || search.trim().length < 2 ? m.searching : m.noPeople}
    />
  );
}

/** A system in use, by name (`GET /api/portfolio/systems?q=`). */
export function SystemPicker({ id, value, onChange, errorMessage }: PickerProps) {
  const { t } = useI18n();
  const m = t.portfolio.tools.survey;
  const [inputValue, setInputValue] = useState(value?.name ?? '');
  const search = inputValue !== (value?.name ?? '') ? inputValue.trim() : '';
  const systems = useSystems(
    search ? new URLSearchParams({ q: search, limit: '20' }).toString() : 'limit=20',
  );
  return (
    <SearchPicker
      id={id}
      label={m.system}
      description={m.systemHelp}
      value={value}
      onChange={onChange}
      errorMessage={errorMessage}
      inputValue={inputValue}
      onInputChange={setInputValue}
      results={(systems.data?.items ?? [])
        .filter((system) => system.lifecycle !== 'retired')
        .map((system) => ({ id: system.id, name: system.name, description: system.owningBoard.name }))}
      emptyText={systems.isFetching ? m.searching : m.noSystems}
    />
  );
}
