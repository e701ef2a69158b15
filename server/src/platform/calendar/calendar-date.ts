/**
 * Calendar dates as day numbers. Parsing is done by hand, not with a regular expression and Date:
 * deadlines are computed for every row of a case list, and this halves the cost of a call.
 * Day arithmetic follows Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
 */

const DAYS_PER_400_YEARS = 146_097;
/** Days from 0000-03-01 to 1970-01-01: the algorithms count years from March. */
const EPOCH_SHIFT = 719_468;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const HYPHEN = 45;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The years the calendar answers for. Bounded so that a wild input (year 0042, or a day count of a
 * billion) fails at once instead of building holiday tables for centuries.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** A calendar date as whole days since 1970-01-01 (no time of day, no time zone). */
export type EpochDay = number;

/**
 * Reads a `YYYY-MM-DD` date. Throws a RangeError for anything else, including dates that do not
 * exist (2026-02-29) — a deadline computed from a mistyped date must not silently shift.
 */
export function parseCalendarDate(date: string): EpochDay {
  if (typeof date !== 'string' || date.length !== 10) throw invalidDate(date);
  if (date.charCodeAt(4) !== HYPHEN || date.charCodeAt(7) !== HYPHEN) throw invalidDate(date);
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) throw invalidDate(date);
  if (day < 1 || day > daysInMonth(year, month)) throw invalidDate(date);
  return epochDayOf(year, month, day);
}

/** Writes a day back as `YYYY-MM-DD` (years 1000–9999). */
export function formatCalendarDate(epochDay: EpochDay): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The day of a valid year, month (1–12) and day of month. */
export function epochDayOf(year: number, month: number, day: number): EpochDay {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfMarchYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfMarchYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - EPOCH_SHIFT;
}

/** The year a day belongs to. */
export function yearOf(epochDay: EpochDay): number {
  return civilFromDays(epochDay).year;
}

/** The first day of a year. */
export function firstDayOfYear(year: number): EpochDay {
  return epochDayOf(year, 1, 1);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: EpochDay): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

function civilFromDays(epochDay: EpochDay): { year: number; month: number; day: number } {
  const shifted = epochDay + EPOCH_SHIFT;
  const era = Math.floor(shifted / DAYS_PER_400_YEARS);
  const dayOfEra = shifted - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfMarchYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfMarchYear + 2) / 153);
  const day = dayOfMarchYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  // January and February belong to the year after the one counted from March.
  return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] ?? 0;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return isLeap ? 29 : 28;
}

/** The number written by `length` ASCII digits from `start`, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const code = text.charCodeAt(i);
    if (code < DIGIT_0 || code > DIGIT_9) return -1;
    value = value * 10 + (code - DIGIT_0);
  }
  return value;
}

function invalidDate(date: unknown): RangeError {
  const shown = typeof date === 'string' ? JSON.stringify(date.slice(0, 40)) : typeof date;
  return new RangeError(`Not a calendar date between ${MIN_YEAR} and ${MAX_YEAR} (YYYY-MM-DD): ${shown}`);
}
