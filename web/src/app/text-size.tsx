import { useId, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { readStored, writeStored } from '../lib/storage.ts';
import { Button } from '../ui/button.tsx';

/** Root font sizes offered, in per cent of the browser's own setting. All CSS sizes are in rem. */
export const textSizes = [100, 125, 150, 175, 200] as const;
const defaultSize = 100;
const storageKey = 'karna.textSize';

/** The text size chosen earlier on this device, or 100. */
export function readStoredTextSize(): number {
  const stored = Number(readStored(storageKey));
  return (textSizes as readonly number[]).includes(stored) ? stored : defaultSize;
}

/** Scale the whole page by setting the root font size (a percentage keeps the user's own base). */
export function applyTextSize(percent: number): void {
  document.documentElement.style.fontSize = percent === defaultSize ? '' : `${percent}%`;
}

/**
 * "Mindre text" / "Större text" / "Återställ". The buttons are never disabled at the ends of the
 * scale, so keyboard focus never falls off a button that just became disabled. On narrow screens
 * they fold away behind a "Textstorlek" button (CSS hides the button on wide screens).
 */
export function TextSizeControls() {
  const { t } = useI18n();
  const [size, setSize] = useState(readStoredTextSize);
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();

  const change = (next: number) => {
    setSize(next);
    applyTextSize(next);
    writeStored(storageKey, String(next));
  };
  const index = textSizes.indexOf(size as (typeof textSizes)[number]);
  const smaller = textSizes[Math.max(index - 1, 0)] ?? defaultSize;
  const larger = textSizes[Math.min(index + 1, textSizes.length - 1)] ?? defaultSize;

  return (
    <>
      <Button
        size="small"
        variant="quiet"
        className="text-size-toggle"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onPress={() => setOpen(!isOpen)}
      >
        {t.shell.textSize}
        <span aria-hidden="true">{isOpen ? '▴' : '▾'}</span>
      </Button>
      <fieldset id={panelId} className={isOpen ? 'text-size text-size-open' : 'text-size'}>
        <legend className="visually-hidden">{t.shell.textSize}</legend>
        <Button size="small" variant="quiet" onPress={() => change(smaller)}>
          <span aria-hidden="true" className="button-icon">
            A−
          </span>
          {t.shell.textSmaller}
        </Button>
        <Button size="small" variant="quiet" onPress={() => change(larger)}>
          <span aria-hidden="true" className="button-icon">
            A+
          </span>
          {t.shell.textLarger}
        </Button>
        <Button size="small" variant="quiet" onPress={() => change(defaultSize)}>
          {t.shell.textReset}
        </Button>
        <span role="status" className="text-size-now">
          {t.shell.textSizeNow(size)}
        </span>
      </fieldset>
    </>
  );
}
