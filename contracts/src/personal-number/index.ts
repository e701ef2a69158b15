/**
 * Swedish personal identity numbers (personnummer, FOL 18 §) and coordination numbers
 * (samordningsnummer, FOL 18 a §): parse, normalize, format, mask, age and gender. Shared by the
 * server and the web app, so plain TypeScript with no Node-only APIs.
 *
 * Decisions:
 * - Stored form: 12 digits without a separator (`YYYYMMDDNNNC`), as eID attributes deliver it. The
 *   helpers (`formatPersonalNumber`, `maskPersonalNumber`, `ageOf`, `genderOf`) take only that form
 *   and throw `PersonalNumberError` otherwise; user input goes through `parsePersonalNumber` or
 *   `normalizePersonalNumber` first.
 * - Accepted input: surrounding whitespace is trimmed, then exactly 10 or 12 ASCII digits with an
 *   optional `-` or `+` before the last four. Nothing else: no space or en dash as a separator, no
 *   inner whitespace, no interim or T-numbers (letters); all of these fail with `format`.
 * - "Today" is the calendar date in Europe/Stockholm at `now` (default: the current time), so a
 *   server running in UTC and a browser anywhere agree, and birthdays begin at Swedish midnight.
 * - 10 digits: `-` or no separator means the latest year ≤ today's year that ends in YY; `+` means
 *   that year minus 100. No separator is read as `-`, so people aged 100 or more must write `+` or
 *   all 12 digits.
 * - 12 digits: `-` is always accepted, because that is our long display form. `+` is accepted only
 *   from the calendar year in which the person turns 100, the same year the short form switches to
 *   `+` (FOL 18 §); before that year it fails with `format`.
 * - A birth date after today fails with `date`. With 10 digits and `-`, that means a date later
 *   this year: the person born 100 years earlier would write `+`. Birth years before 1800 also fail
 *   with `date`: nobody alive was born then.
 * - `formatPersonalNumber(…, 'short')` throws (`date`) for people 200 or older, since their
 *   10-digit form would parse as someone a century younger; only births 1800–1825 are affected.
 * - Birth number 000 is never issued, so it fails with `format`, as it does in the npm package.
 * - A coordination number is day + 60; `birthDate` has the 60 removed. They are allowed unless
 *   `allowCoordinationNumber: false`.
 * - Checks run in this order and the first failure is reported: format, date, checksum,
 *   coordination_not_allowed. So a coordination number with a wrong check digit is `checksum`.
 * - Age counts whole years at today's date. Someone born on 29 February turns a year older on
 *   1 March in common years. This choice has not been checked against Swedish law.
 * - Errors never carry the input: each reason has a fixed message with no digits in it.
 * - `PersonalNumberInput` is a zod transform to the 12-digit form, so `z.toJSONSchema` describes it
 *   with `io: 'input'` (request bodies) only. Its issues carry the reason in `params.reason`; zod
 *   leaves the value out of them unless the caller parses with `reportInput: true`.
 * - The npm package `personnummer` checks the Luhn digit of the resolved 12-digit form. We do not
 *   use it for the rest, because it reads the system clock (it has no `now`), rejects whitespace,
 *   accepts future birth dates and any `+` on 12 digits, and its `getDate()`/`getAge()` mix UTC and
 *   local time. It cannot tell us why a number failed, so we check the format and the date before
 *   asking it. (Its options type needs both keys; its CommonJS default import is typed as the
 *   module record under NodeNext, hence the interop shim below.)
 */
import personnummerModule from 'personnummer';
import { z } from 'zod';

export type PersonalNumberKind = 'personal' | 'coordination';
export type PersonalNumberGender = 'female' | 'male';

/** A valid personal identity or coordination number. */
export type PersonalNumber = {
  /** 12 digits, no separator: `YYYYMMDDNNNC` (the day keeps its +60 for coordination numbers). */
  normalized: string;
  kind: PersonalNumberKind;
  /** ISO `YYYY-MM-DD`, with the +60 of a coordination number removed. */
  birthDate: string;
  gender: PersonalNumberGender;
};

export type PersonalNumberErrorReason = 'format' | 'date' | 'checksum' | 'coordination_not_allowed';

export type PersonalNumberParseResult =
  | { ok: true; value: PersonalNumber }
  | { ok: false; reason: PersonalNumberErrorReason };

export type ParsePersonalNumberOptions = {
  /** Accept samordningsnummer (day + 60). Default: true. */
  allowCoordinationNumber?: boolean;
  /** The time used for the century of 10-digit input and the 100-year rule. Default: now. */
  now?: Date;
};

// Fixed per reason and free of digits: never interpolate the input into these.
const errorMessages: Record<PersonalNumberErrorReason, string> = {
  format:
    'Not a personal identity number: expected ten or twelve digits with an optional - or + before the last four',
  date: 'Not a personal identity number: the birth date is not a possible date',
  checksum: 'Not a personal identity number: the check digit does not match',
  coordination_not_allowed: 'A coordination number is not accepted here',
};

/** Thrown for an invalid number; the message never contains the input. */
export class PersonalNumberError extends Error {
  readonly reason: PersonalNumberErrorReason;

  constructor(reason: PersonalNumberErrorReason) {
    super(errorMessages[reason]);
    this.name = 'PersonalNumberError';
    this.reason = reason;
  }
}

type PersonnummerClass = typeof personnummerModule.default;
// NodeNext types this CommonJS package's default import as its module record, but at run time Node
// hands over `module.exports` (the class) and bundlers the ESM default export (also the class).
const Personnummer: PersonnummerClass =
  (personnummerModule as unknown as { default?: PersonnummerClass }).default ??
  (personnummerModule as unknown as PersonnummerClass);
const personnummerOptions = { allowCoordinationNumber: true, allowInterimNumber: false };

type CalendarDate = { year: number; month: number; day: number };
type Failure = { ok: false; reason: PersonalNumberErrorReason };
type Analysis = { ok: true; value: PersonalNumber; birth: CalendarDate } | Failure;

const INPUT_PATTERN = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/;
const STORED_PATTERN = /^\d{12}$/;
const MIN_BIRTH_YEAR = 1800;
const COORDINATION_DAY_OFFSET = 60;

/**
 * Parses user or API input into a `PersonalNumber`, or says why it is not one. Never throws for bad
 * input; an invalid `now` throws a RangeError.
 */
export function parsePersonalNumber(
  input: string,
  options: ParsePersonalNumberOptions = {},
): PersonalNumberParseResult {
  if (typeof input !== 'string') return failure('format');
  const match = INPUT_PATTERN.exec(input.trim());
  if (!match) return failure('format');
  const [, century, yymmdd = '', separator, lastFour = ''] = match;

  const today = swedishDateAt(options.now ?? new Date());
  let year: number;
  if (century === undefined) {
    const yy = Number(yymmdd.slice(0, 2));
    const base = separator === '+' ? today.year - 100 : today.year;
    year = base - ((base - yy) % 100); // base > 99 >= yy, so the remainder is never negative
  } else {
    year = Number(century + yymmdd.slice(0, 2));
  }

  const analysis = analyzeDigits(`${String(year).padStart(4, '0')}${yymmdd.slice(2)}${lastFour}`);
  if (!analysis.ok) return analysis;
  if (compareDates(analysis.birth, today) > 0) return failure('date');
  if (century !== undefined && separator === '+' && today.year - year < 100) return failure('format');
  if (!hasValidCheckDigit(analysis.value.normalized)) return failure('checksum');
  if (analysis.value.kind === 'coordination' && options.allowCoordinationNumber === false) {
    return failure('coordination_not_allowed');
  }
  return { ok: true, value: analysis.value };
}

/** Returns the 12-digit stored form of the input; throws `PersonalNumberError` if it is invalid. */
export function normalizePersonalNumber(input: string, options: ParsePersonalNumberOptions = {}): string {
  const result = parsePersonalNumber(input, options);
  if (!result.ok) throw new PersonalNumberError(result.reason);
  return result.value.normalized;
}

/** Whether the input is a valid personal identity (or, if allowed, coordination) number. */
export function isValidPersonalNumber(input: string, options: ParsePersonalNumberOptions = {}): boolean {
  return parsePersonalNumber(input, options).ok;
}

/**
 * Formats a stored number for display: `long` is `YYYYMMDD-NNNC`; `short` is `YYMMDD-NNNC`, or
 * `YYMMDD+NNNC` from the calendar year the person turns 100. Throws for people 200 or older at
 * `now`, whose short form would be read as someone a century younger.
 */
export function formatPersonalNumber(
  normalized12: string,
  style: 'long' | 'short',
  now: Date = new Date(),
): string {
  const { value, birth } = readStored(normalized12);
  if (style === 'long') return `${value.normalized.slice(0, 8)}-${value.normalized.slice(8)}`;
  const yearsSinceBirth = swedishDateAt(now).year - birth.year;
  if (yearsSinceBirth >= 200) throw new PersonalNumberError('date');
  return `${value.normalized.slice(2, 8)}${yearsSinceBirth >= 100 ? '+' : '-'}${value.normalized.slice(8)}`;
}

/** Masks a stored number for display: `YYYYMMDD-****`, never showing the last four digits. */
export function maskPersonalNumber(normalized12: string): string {
  return `${readStored(normalized12).value.normalized.slice(0, 8)}-****`;
}

/** Age in whole years at `at` (default: now), by the calendar date in Sweden. */
export function ageOf(normalized12: string, at: Date = new Date()): number {
  const { birth } = readStored(normalized12);
  const today = swedishDateAt(at);
  if (compareDates(today, birth) < 0) throw new RangeError('The date is before the birth date');
  const hasHadBirthday = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (hasHadBirthday ? 0 : 1);
}

/** Legal gender from the parity of the third birth-number digit: odd is male, even is female. */
export function genderOf(normalized12: string): PersonalNumberGender {
  return readStored(normalized12).value.gender;
}

/**
 * Builds a request-body schema for a personal number that validates and transforms to the
 * 12-digit stored form. Its issues carry the reason in `params.reason` and never echo the value.
 */
export function createPersonalNumberSchema(options: { allowCoordinationNumber?: boolean } = {}) {
  return z
    .string()
    .max(20)
    .meta({
      description:
        'Swedish personal identity number or coordination number: 10 or 12 digits with an optional - or + separator',
      // What the transform below accepts, for API readers (the transform gives the reasons).
      pattern: '^\\s*(\\d{6}|\\d{8})[-+]?\\d{4}\\s*$',
    })
    .transform((value, ctx) => {
      const result = parsePersonalNumber(value, options);
      if (result.ok) return result.value.normalized;
      ctx.addIssue({
        code: 'custom',
        message: errorMessages[result.reason],
        params: { reason: result.reason },
      });
      return z.NEVER;
    });
}

/** A personal or coordination number in a request body, output as the 12-digit stored form. */
export const PersonalNumberInput = createPersonalNumberSchema();
export type PersonalNumberInput = z.infer<typeof PersonalNumberInput>;

function failure(reason: PersonalNumberErrorReason): Failure {
  return { ok: false, reason };
}

/** Checks what can be checked from 12 digits alone, without the clock or the check digit. */
function analyzeDigits(digits: string): Analysis {
  if (digits.slice(8, 11) === '000') return failure('format');
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const dayDigits = Number(digits.slice(6, 8));
  const kind: PersonalNumberKind = dayDigits > COORDINATION_DAY_OFFSET ? 'coordination' : 'personal';
  const day = kind === 'coordination' ? dayDigits - COORDINATION_DAY_OFFSET : dayDigits;
  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return failure('date');
  }
  const birthDate = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${String(day).padStart(2, '0')}`;
  const gender: PersonalNumberGender = Number(digits[10]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: { normalized: digits, kind, birthDate, gender }, birth: { year, month, day } };
}

function hasValidCheckDigit(digits: string): boolean {
  return Personnummer.valid(digits, personnummerOptions);
}

/** Reads the stored 12-digit form for the helpers, which do not depend on the clock. */
function readStored(normalized12: string): { value: PersonalNumber; birth: CalendarDate } {
  if (typeof normalized12 !== 'string' || !STORED_PATTERN.test(normalized12)) {
    throw new PersonalNumberError('format');
  }
  const analysis = analyzeDigits(normalized12);
  if (!analysis.ok) throw new PersonalNumberError(analysis.reason);
  if (!hasValidCheckDigit(normalized12)) throw new PersonalNumberError('checksum');
  return analysis;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

let swedishDateFormat: Intl.DateTimeFormat | undefined;

/** The calendar date in Sweden at an instant. */
function swedishDateAt(at: Date): CalendarDate {
  swedishDateFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const date: CalendarDate = { year: 0, month: 0, day: 0 };
  for (const part of swedishDateFormat.formatToParts(at)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') {
      date[part.type] = Number(part.value);
    }
  }
  return date;
}
