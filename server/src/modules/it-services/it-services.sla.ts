/**
 * The service-level clock for support tickets: response and fix deadlines count only the
 * service's support hours, in Swedish local time, on Swedish working days (no weekends, public
 * holidays or the eves). Wall-clock times are turned into instants through the Europe/Stockholm
 * offsets Intl reports, so a deadline across a daylight-saving change lands on the right hour.
 */
import { isWorkingDay } from '../../platform/calendar/index.ts';

/** Local hours, 0–24, start < end. `always` counts every hour of every day, holidays included. */
export type ServiceWindow = { kind: 'always' } | { kind: 'workingHours'; startHour: number; endHour: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** What a tier whose support hours cannot be read gets: ordinary office hours, never "always". */
const DEFAULT_WINDOW: ServiceWindow = { kind: 'workingHours', startHour: 8, endHour: 17 };

/**
 * Reads the tier policy's support-hours text: 'Dygnet runt, alla dagar' → always; 'Vardagar 07–19'
 * → working hours 7–19 (hyphen, en or em dash, optional ':00'); anything unreadable → 8–17.
 */
export function serviceWindowOf(supportHours: string): ServiceWindow {
  if (/dygnet runt|24\s*\/\s*7/i.test(supportHours)) return { kind: 'always' };
  const match = /(\d{1,2})(?::00)?\s*[-–—]\s*(\d{1,2})(?::00)?/.exec(supportHours);
  if (!match) return DEFAULT_WINDOW;
  const startHour = Number(match[1]);
  const endHour = Number(match[2]);
  if (startHour >= endHour || endHour > 24) return DEFAULT_WINDOW;
  return { kind: 'workingHours', startHour, endHour };
}

/**
 * The instant `hours` (≥ 0, may be fractional) of service time after `start`. A start outside the
 * window begins counting at the window's next opening, so 0 hours gives that opening.
 */
export function addServiceHours(start: Date, hours: number, window: ServiceWindow): Date {
  const from = instantOf(start);
  if (!Number.isFinite(hours) || hours < 0)
    throw new RangeError(`Service hours must be finite and ≥ 0, not ${hours}`);
  if (window.kind === 'always') return new Date(Math.round(from + hours * HOUR_MS));
  assertWindow(window);
  let remaining = hours * HOUR_MS;
  let cursor = from;
  for (let day = localDateOf(from); ; day = nextDate(day)) {
    const open = openingOf(day, window);
    if (!open || cursor >= open.close) continue;
    cursor = Math.max(cursor, open.start);
    if (remaining <= open.close - cursor) return new Date(Math.round(cursor + remaining));
    remaining -= open.close - cursor;
  }
}

/** Service hours elapsed between two instants; 0 when `end` is not after `start`. */
export function serviceHoursBetween(start: Date, end: Date, window: ServiceWindow): number {
  const from = instantOf(start);
  const to = instantOf(end);
  if (to <= from) return 0;
  if (window.kind === 'always') return (to - from) / HOUR_MS;
  assertWindow(window);
  let elapsed = 0;
  const lastDay = localDateOf(to);
  for (let day = localDateOf(from); day <= lastDay; day = nextDate(day)) {
    const open = openingOf(day, window);
    if (open) elapsed += Math.max(0, Math.min(to, open.close) - Math.max(from, open.start));
  }
  return elapsed / HOUR_MS;
}

/** The day's window as instants, or undefined on a day off. */
function openingOf(date: string, window: { startHour: number; endHour: number }) {
  if (!isWorkingDay(date)) return undefined;
  return { start: stockholmInstant(date, window.startHour), close: stockholmInstant(date, window.endHour) };
}

function instantOf(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid date');
  return time;
}

function assertWindow({ startHour, endHour }: { startHour: number; endHour: number }): void {
  if (
    !(
      Number.isFinite(startHour) &&
      Number.isFinite(endHour) &&
      0 <= startHour &&
      startHour < endHour &&
      endHour <= 24
    )
  ) {
    throw new RangeError(
      `A service window runs from 0 to 24 with start before end, not ${startHour}–${endHour}`,
    );
  }
}

// ---- Europe/Stockholm wall clock ----

const stockholmClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Stockholm wall clock at an instant, read as if it were UTC (milliseconds dropped). */
function wallClockOf(instant: number): number {
  const field: Record<string, number> = {};
  for (const part of stockholmClock.formatToParts(instant)) {
    if (part.type !== 'literal') field[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = field;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Stockholm's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instant: number): number {
  return wallClockOf(instant) - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The local calendar date (`YYYY-MM-DD`) in Stockholm at an instant. */
function localDateOf(instant: number): string {
  return new Date(wallClockOf(instant)).toISOString().slice(0, 10);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant when Stockholm clocks show `hour` (0–24, may be fractional) on `date`. The offset is
 * looked up twice because the first guess may sit on the other side of a daylight-saving change.
 * A time the spring change skips is read with winter time (02:30 → 03:30 summer time); a time the
 * autumn change repeats gives its second occurrence. Working days never have a change (it is
 * always on a Sunday), so this only matters for being well defined.
 */
function stockholmInstant(date: string, hour: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS;
  const guess = wall - offsetAt(wall);
  const corrected = wall - offsetAt(guess);
  if (offsetAt(corrected) === wall - corrected) return corrected;
  return Math.max(guess, corrected);
}
