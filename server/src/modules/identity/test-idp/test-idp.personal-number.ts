/** Why a typed personal identity number could not be read. */
export type PersonalNumberProblem = 'format' | 'date' | 'checksum';

/** A typed number normalised to 12 digits, or the reason it is not a personal identity number. */
export type PersonalNumberParseResult =
  | { ok: true; personalNumber: string }
  | { ok: false; problem: PersonalNumberProblem };

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/**
 * Reads a personnummer or samordningsnummer typed in the 10- or 12-digit form, with or without `-`
 * or `+`, and returns the 12-digit form. A 10-digit number takes the latest year not after `now`
 * with those two digits (one century earlier with `+`, as for people aged 100 or more).
 */
export function parsePersonalNumber(input: string, now: Date = new Date()): PersonalNumberParseResult {
  const match = PATTERN.exec(input.replace(/\s+/g, ''));
  if (!match) return { ok: false, problem: 'format' };
  const [, century, yy = '', mm = '', dd = '', separator, birthNumber = '', check = ''] = match;

  let fullYear: number;
  if (century !== undefined) {
    fullYear = Number(`${century}${yy}`);
  } else {
    const currentYear = now.getFullYear();
    fullYear = currentYear - ((currentYear - Number(yy)) % 100);
    if (separator === '+') fullYear -= 100;
  }

  const month = Number(mm);
  const rawDay = Number(dd);
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  if (!isCalendarDate(fullYear, month, day)) return { ok: false, problem: 'date' };
  if (luhnCheckDigit(`${yy}${mm}${dd}${birthNumber}`) !== Number(check)) {
    return { ok: false, problem: 'checksum' };
  }
  return { ok: true, personalNumber: `${fullYear}${mm}${dd}${birthNumber}${check}` };
}

/** The Luhn check digit of the nine digits `YYMMDDNNN`. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether a 12-digit number is a samordningsnummer (birth day + 60). */
export function isCoordinationNumber(personalNumber: string): boolean {
  return Number(personalNumber.slice(6, 8)) > 60;
}

/** Birth date (`YYYY-MM-DD`) of a 12-digit number; the +60 of a samordningsnummer is removed. */
export function birthdateOf(personalNumber: string): string {
  const day = Number(personalNumber.slice(6, 8));
  const realDay = day > 60 ? day - 60 : day;
  return `${personalNumber.slice(0, 4)}-${personalNumber.slice(4, 6)}-${String(realDay).padStart(2, '0')}`;
}

/** Legal gender as encoded in the number: the 11th of 12 digits is odd for men. */
export function isMaleNumber(personalNumber: string): boolean {
  return Number(personalNumber[10]) % 2 === 1;
}

/** `YYYYMMDD-NNNN`, the readable 12-digit form. */
export function formatPersonalNumber(personalNumber: string): string {
  return `${personalNumber.slice(0, 8)}-${personalNumber.slice(8)}`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
