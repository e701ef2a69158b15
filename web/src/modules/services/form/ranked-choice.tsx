import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { FieldSet } from './field-frame.tsx';

export interface RankedOption {
  value: string;
  label: string;
}

interface RankedChoiceProps {
  id: string;
  label: string;
  help?: string | null;
  error?: string | null;
  options: readonly RankedOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** The most choices allowed (the schema's maxItems), if any. */
  maxItems?: number;
}

type Action = 'up' | 'down' | 'remove' | 'add';

/**
 * Several choices of one list, in order of preference (preschools 1st, 2nd, 3rd), without drag and
 * drop: each option has an "Add" button, each choice "Move up", "Move down" and "Remove" buttons
 * that say which option they move. After each press focus stays with the option (or goes to the
 * nearest sensible button) and a polite message says what happened.
 */
export function RankedChoice({
  id,
  label,
  help,
  error,
  options,
  value,
  onChange,
  maxItems,
}: RankedChoiceProps) {
  const { t } = useI18n();
  const m = t.services.fields;
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<{ value: string; action: Action } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const labelOf = (optionValue: string) =>
    options.find((option) => option.value === optionValue)?.label ?? optionValue;
  const chosen = value.filter((item) => options.some((option) => option.value === item));
  const available = options.filter((option) => !chosen.includes(option.value));
  const isFull = maxItems !== undefined && chosen.length >= maxItems;

  useEffect(() => {
    if (!focusTarget) return;
    setFocusTarget(null);
    const { value: target, action } = focusTarget;
    const position = chosen.indexOf(target);
    const candidates: string[] = [];
    if (action === 'up') candidates.push(`${target}:up`, `${target}:down`);
    if (action === 'down') candidates.push(`${target}:down`, `${target}:up`);
    if (action === 'add') candidates.push(`${target}:remove`);
    if (action === 'remove') {
      // The option is back among the available ones; the next choice (or the list's start) is near.
      const next = chosen[Math.min(position, chosen.length - 1)];
      if (next) candidates.push(`${next}:remove`);
      candidates.push(`${target}:add`);
    }
    candidates.push(`${target}:remove`);
    for (const key of candidates) {
      const button = buttons.current.get(key);
      if (button && !button.disabled) {
        button.focus();
        return;
      }
    }
  }, [focusTarget, chosen]);

  const setButton = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  const move = (item: string, offset: number) => {
    const from = chosen.indexOf(item);
    const to = from + offset;
    if (from < 0 || to < 0 || to >= chosen.length) return;
    const next = [...chosen];
    next.splice(from, 1);
    next.splice(to, 0, item);
    onChange(next);
    setAnnouncement(m.rankedMoved(labelOf(item), to + 1));
    setFocusTarget({ value: item, action: offset < 0 ? 'up' : 'down' });
  };

  return (
    <FieldSet id={id} legend={label} help={help} error={error} className="ranked-choice">
      <div id={id} tabIndex={-1} className="ranked-choice-body">
        <h3 id={`${id}-chosen`} className="ranked-heading">
          {m.rankedChosen}
        </h3>
        {chosen.length === 0 ? (
          <p className="ranked-empty">{m.rankedNoneChosen}</p>
        ) : (
          <ol className="ranked-list" aria-labelledby={`${id}-chosen`}>
            {chosen.map((item, index) => {
              const itemLabel = labelOf(item);
              const hidden = <span className="visually-hidden">{m.rankedItemHidden(itemLabel)}</span>;
              return (
                <li key={item} className="ranked-item">
                  <span className="ranked-label">
                    <span className="ranked-position">{m.rankedPosition(index + 1)}</span> {itemLabel}
                  </span>
                  <span className="ranked-actions">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      ref={setButton(`${item}:up`)}
                      disabled={index === 0}
                      onClick={() => move(item, -1)}
                    >
                      <span aria-hidden="true">↑</span> {m.rankedUp}
                      {hidden}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      ref={setButton(`${item}:down`)}
                      disabled={index === chosen.length - 1}
                      onClick={() => move(item, 1)}
                    >
                      <span aria-hidden="true">↓</span> {m.rankedDown}
                      {hidden}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      ref={setButton(`${item}:remove`)}
                      onClick={() => {
                        onChange(chosen.filter((other) => other !== item));
                        setAnnouncement(m.rankedRemoved(itemLabel));
                        setFocusTarget({ value: item, action: 'remove' });
                      }}
                    >
                      {m.rankedRemove}
                      {hidden}
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {available.length > 0 && (
          <>
            <h3 id={`${id}-available`} className="ranked-heading">
              {m.rankedAvailable}
            </h3>
            {isFull && maxItems !== undefined && <p className="field-description">{m.rankedMax(maxItems)}</p>}
            <ul className="ranked-list ranked-available" aria-labelledby={`${id}-available`}>
              {available.map((option) => (
                <li key={option.value} className="ranked-item">
                  <span className="ranked-label">{option.label}</span>
                  <span className="ranked-actions">
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      ref={setButton(`${option.value}:add`)}
                      disabled={isFull}
                      onClick={() => {
                        onChange([...chosen, option.value]);
                        setAnnouncement(m.rankedAdded(option.label, chosen.length + 1));
                        setFocusTarget({ value: option.value, action: 'add' });
                      }}
                    >
                      {m.rankedAdd}
                      <span className="visually-hidden">{m.rankedAddHidden(option.label)}</span>
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
      </div>
    </FieldSet>
  );
}
