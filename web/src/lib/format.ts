/** Kärna shows every time in Swedish time, wherever the browser happens to be. */
export const timeZone = 'Europe/Stockholm';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Format an ISO date-time as a date and time in Swedish time, e.g. `3 mars 2026 14:00`. */
export function formatDateTime(iso: string, locale: string): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/**
 * Sorts names and unit names by Swedish rules (å, ä, ö last) whatever the UI language, because the
 * names are Swedish.
 */
export const swedishCollator = new Intl.Collator('sv');

/** A person's name for display: given name first. */
export function formatName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`.trim();
}

/** Compare people by family name, then given name, with Swedish sorting. */
export function comparePeople(
  a: { givenName: string; familyName: string },
  b: { givenName: string; familyName: string },
): number {
  return (
    swedishCollator.compare(a.familyName, b.familyName) || swedishCollator.compare(a.givenName, b.givenName)
  );
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Format a calendar date (`YYYY-MM-DD`, e.g. a birth date) as `1 jan. 2015`. The date is read and
 * shown in UTC so that no time zone can move it to the day before.
 */
export function formatDate(isoDate: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}
