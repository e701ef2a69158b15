import { type EpochDay, formatCalendarDate, parseCalendarDate, yearOf } from './calendar-date.ts';
import { type WorkingYear, workingYear } from './working-year.ts';

/**
 * Whether a date (`YYYY-MM-DD`, a Swedish calendar date) is a working day in a Swedish
 * municipality: not a Saturday or Sunday, not a public holiday, not midsommarafton, julafton or
 * nyårsafton. Throws a RangeError for a malformed or non-existent date.
 */
export function isWorkingDay(date: string): boolean {
  const day = parseCalendarDate(date);
  const table = workingYear(yearOf(day));
  const index = day - table.firstDay;
  return table.cumulative[index + 1] !== table.cumulative[index];
}

/**
 * The date `days` working days after `from`, for service promises ("a decision within 20 working
 * days"). The day of submission does not count, whatever it is: submitted on a Saturday or a
 * Friday, the first working day is the Monday (when that is one). `days` = 0 gives `from` itself.
 * The result is always a working day when `days` > 0.
 */
export function addWorkingDays(from: string, days: number): string {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`Working days must be a whole number ≥ 0, not ${days}`);
  }
  const start = parseCalendarDate(from);
  if (days === 0) return from;
  let table = workingYear(yearOf(start));
  // Count from 1 January of the start year, so the answer is the first day whose count reaches
  // the start's count plus `days`; whole years are skipped by their totals.
  let wanted = workedThrough(table, start) + days;
  while (wanted > table.total) {
    wanted -= table.total;
    table = workingYear(table.year + 1);
  }
  return formatCalendarDate(table.firstDay + firstIndexReaching(table.cumulative, wanted) - 1);
}

/**
 * The number of working days after `from` up to and including `to`; 0 when `to` is not after
 * `from`. The inverse of addWorkingDays: addWorkingDays(a, n) = b gives workingDaysBetween(a, b) = n.
 */
export function workingDaysBetween(from: string, to: string): number {
  const start = parseCalendarDate(from);
  const end = parseCalendarDate(to);
  if (end <= start) return 0;
  const startTable = workingYear(yearOf(start));
  const endTable = workingYear(yearOf(end));
  let count = workedThrough(endTable, end) - workedThrough(startTable, start);
  for (let year = startTable.year; year < endTable.year; year++) count += workingYear(year).total;
  return count;
}

/** Working days from 1 January of the day's year up to and including the day. */
function workedThrough(table: WorkingYear, day: EpochDay): number {
  return table.cumulative[day - table.firstDay + 1] ?? 0;
}

/** The smallest index whose running count is at least `wanted` (binary search; counts never fall). */
function firstIndexReaching(cumulative: Uint16Array, wanted: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) < wanted) low = middle + 1;
    else high = middle;
  }
  return low;
}
