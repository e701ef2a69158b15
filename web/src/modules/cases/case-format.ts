import type { LocalizedText } from '@karna/contracts';
import type { Language } from '../../lib/i18n.tsx';

/** A text of an e-service definition in the UI language. */
export function localized(text: LocalizedText, language: Language): string {
  return text[language];
}

export type DueState = 'overdue' | 'atRisk' | 'onTime' | 'closed';

/**
 * Whether an open case is past its promised decision date, close to it, or on time — as the server
 * judged it, in Swedish working days.
 */
export function dueState(item: { overdue: boolean; atRisk: boolean; status: { shared: string } }): DueState {
  if (item.status.shared === 'decided' || item.status.shared === 'closed') return 'closed';
  if (item.overdue) return 'overdue';
  return item.atRisk ? 'atRisk' : 'onTime';
}

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** A file size as people read it: `12 kB`, `1,4 MB`. */
export function formatFileSize(bytes: number, locale: string): string {
  let format = sizeFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    sizeFormats.set(locale, format);
  }
  if (bytes < 1000) return `${format.format(bytes)} B`;
  if (bytes < 1_000_000) return `${format.format(bytes / 1000)} kB`;
  return `${format.format(bytes / 1_000_000)} MB`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number of working days (a median may be a half: `4,5`). */
export function formatDays(days: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    numberFormats.set(locale, format);
  }
  return format.format(days);
}
