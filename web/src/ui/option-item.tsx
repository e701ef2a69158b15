import type { ReactNode } from 'react';
import { ListBoxItem, Text } from 'react-aria-components';

/** One option of a select or combo box list: its name, and under it a description when there is one. */
export function OptionItem({ option }: { option: { id: string; label: string; description?: ReactNode } }) {
  return (
    <ListBoxItem id={option.id} textValue={option.label} className="select-option">
      <Text slot="label" className="option-label">
        {option.label}
      </Text>
      {option.description && (
        <Text slot="description" className="option-description">
          {option.description}
        </Text>
      )}
    </ListBoxItem>
  );
}
