import Holidays from 'date-holidays';
import {
  type EpochDay,
  epochDayOf,
  firstDayOfYear,
  formatCalendarDate,
  MAX_YEAR,
  MIN_YEAR,
  weekdayOf,
} from './calendar-date.ts';

/**
 * One year's working days, as a running count: `cumulative[i]` is the number of working days among
 * the year's first `i` days, so any span inside the year is counted with two reads and a day's
 * status is the difference of two neighbours. A year costs 734 bytes and is built once.
 */
export interface WorkingYear {
  year: number;
  firstDay: EpochDay;
  cumulative: Uint16Array;
  /** Working days in the whole year. */
  total: number;
}

const SUNDAY = 0;
const SATURDAY = 6;
/** Built years by `year - MIN_YEAR`: an array read is cheaper than a Map lookup on the hot path. */
const years: Array<WorkingYear | undefined> = [];
let holidays: Holidays | undefined;

/** The working-day table of a year, built on first use and kept. */
export function workingYear(year: number): WorkingYear {
  let table = years[year - MIN_YEAR];
  if (!table) {
    table = buildWorkingYear(year);
    years[year - MIN_YEAR] = table;
  }
  return table;
}

function buildWorkingYear(year: number): WorkingYear {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`The working-day calendar covers ${MIN_YEAR}–${MAX_YEAR}, not ${year}`);
  }
  const firstDay = firstDayOfYear(year);
  const length = firstDayOfYear(year + 1) - firstDay;
  const daysOff = daysOffIn(year);
  const cumulative = new Uint16Array(length + 1);
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    const weekday = weekdayOf(day);
    const isWorking = weekday !== SATURDAY && weekday !== SUNDAY && !daysOff.has(formatCalendarDate(day));
    cumulative[i + 1] = (cumulative[i] ?? 0) + (isWorking ? 1 : 0);
  }
  return { year, firstDay, cumulative, total: cumulative[length] ?? 0 };
}

/**
 * The weekdays a municipality is closed in a year, as `YYYY-MM-DD`: the public holidays of the
 * holiday act (lagen om allmänna helgdagar) and three eves.
 *
 * The eves — midsommarafton, julafton, nyårsafton — are not public holidays, but Swedish law
 * already treats them as such when a time limit ends (lagen (1930:173) om beräkning av lagstadgad
 * tid), and the collective agreements municipal staff work under make them days off: nobody handles
 * a case then, so a promise of "20 working days" that counted them would be broken by the calendar.
 * Other half-days (trettondagsafton, valborgsmässoafton, allhelgonaafton) are shortened days, not
 * days off, and count as working days.
 *
 * Public holidays come from date-holidays (type 'public'), whose data follows the act as in force
 * since 2005: for earlier years annandag pingst, a holiday until 2004, is missing. The eves are
 * computed here, since the package files them by other categories than ours.
 */
function daysOffIn(year: number): Set<string> {
  holidays ??= new Holidays('SE');
  const days = new Set<string>();
  for (const holiday of holidays.getHolidays(year)) {
    // `date` is the Swedish local date and time ("2026-06-06 00:00:00"): the first ten characters.
    if (holiday.type === 'public') days.add(holiday.date.slice(0, 10));
  }
  days.add(`${year}-12-24`);
  days.add(`${year}-12-31`);
  days.add(formatCalendarDate(midsummerEve(year)));
  return days;
}

/** Midsommarafton: the Friday between 19 and 25 June (the eve of the Saturday midsommardagen). */
function midsummerEve(year: number): EpochDay {
  const FRIDAY = 5;
  const june19 = epochDayOf(year, 6, 19);
  return june19 + ((FRIDAY - weekdayOf(june19) + 7) % 7);
}
