import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import personnummerModule from 'personnummer';
import { describe, expect, it } from 'vitest';
import {
  ageOf,
  formatPersonalNumber,
  genderOf,
  isValidPersonalNumber,
  maskPersonalNumber,
  normalizePersonalNumber,
  parsePersonalNumber,
} from './index.ts';
import {
  captureError,
  checkDigit,
  NOW,
  normalizedOf,
  pad,
  reasonOf,
  shortForm,
  withCheckDigit,
} from './personal-number.test-support.ts';

describe('properties', () => {
  const calendarDate = (min: string, max: string) =>
    fc
      .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));

  /** Any valid number born 1826-01-01 (short form still unambiguous) up to NOW. */
  const validNumber = fc
    .record({
      birthDate: calendarDate('1826-01-01', '2025-03-01'),
      birthNumber: fc.integer({ min: 1, max: 999 }),
      isCoordination: fc.boolean(),
    })
    .map(({ birthDate, birthNumber, isCoordination }) => {
      const day = Number(birthDate.slice(8, 10)) + (isCoordination ? 60 : 0);
      const first11 = `${birthDate.slice(0, 4)}${birthDate.slice(5, 7)}${pad(day, 2)}${pad(birthNumber, 3)}`;
      return { normalized: withCheckDigit(first11), birthDate, birthNumber, isCoordination };
    });

  it('the Luhn oracle matches the worked example in NOTES.md', () => {
    expect(checkDigit('850709980')).toBe(5);
  });

  it('every generated number with the right check digit parses to itself', () => {
    fc.assert(
      fc.property(validNumber, ({ normalized, birthDate, birthNumber, isCoordination }) => {
        expect(parsePersonalNumber(normalized, { now: NOW })).toEqual({
          ok: true,
          value: {
            normalized,
            kind: isCoordination ? 'coordination' : 'personal',
            birthDate,
            gender: birthNumber % 2 === 1 ? 'male' : 'female',
          },
        });
        expect(normalizePersonalNumber(normalized, { now: NOW })).toBe(normalized);
      }),
    );
  });

  it('any other check digit fails with checksum', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 1, max: 9 }), ({ normalized }, shift) => {
        const wrong = `${normalized.slice(0, 11)}${(Number(normalized[11]) + shift) % 10}`;
        expect(reasonOf(wrong)).toBe('checksum');
        expect(reasonOf(shortForm(wrong))).toBe('checksum');
      }),
    );
  });

  it('10-digit and 12-digit forms of the same number normalize equal', () => {
    fc.assert(
      fc.property(validNumber, ({ normalized }) => {
        const short = shortForm(normalized);
        expect(normalizedOf(short)).toBe(normalized);
        expect(normalizedOf(`${normalized.slice(0, 8)}-${normalized.slice(8)}`)).toBe(normalized);
        if (short.includes('-')) expect(normalizedOf(short.replace('-', ''))).toBe(normalized);
      }),
    );
  });

  it('format then parse round-trips', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom('long', 'short'), ({ normalized }, style) => {
        expect(normalizedOf(formatPersonalNumber(normalized, style, NOW))).toBe(normalized);
      }),
    );
  });

  it('masking keeps only the date and never the last four digits', () => {
    fc.assert(
      fc.property(validNumber, ({ normalized }) => {
        const masked = maskPersonalNumber(normalized);
        expect(masked).toMatch(/^\d{8}-\*{4}$/);
        expect(masked.replace(/\D/g, '')).toBe(normalized.slice(0, 8));
      }),
    );
  });

  it('age is k on the k-th birthday and k - 1 the day before', () => {
    const notLeapDay = validNumber.filter(({ birthDate }) => !birthDate.endsWith('-02-29'));
    fc.assert(
      fc.property(notLeapDay, fc.integer({ min: 1, max: 120 }), ({ normalized, birthDate }, k) => {
        const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
        expect(ageOf(normalized, new Date(Date.UTC(year + k, month - 1, day, 10)))).toBe(k);
        expect(ageOf(normalized, new Date(Date.UTC(year + k, month - 1, day - 1, 10)))).toBe(k - 1);
      }),
    );
  });

  const nearMiss = fc.stringMatching(/^\s?(\d{2})?\d{6}[-+ ]?\d{4}\s?$/);

  it('never throws on any string, and errors never contain the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), nearMiss), (input) => {
        const result = parsePersonalNumber(input, { now: NOW });
        expect(isValidPersonalNumber(input, { now: NOW })).toBe(result.ok);
        if (result.ok) {
          expect(result.value.normalized).toMatch(/^\d{12}$/);
          expect(normalizedOf(result.value.normalized)).toBe(result.value.normalized);
        } else {
          const error = captureError(() => normalizePersonalNumber(input, { now: NOW }));
          expect(error).toMatchObject({ reason: result.reason });
          expect(String(error)).not.toMatch(/\d/);
        }
      }),
    );
  });

  it('agrees with the personnummer package on 12 digits, except for birth dates after today', () => {
    type PersonnummerClass = typeof personnummerModule.default;
    const Personnummer =
      (personnummerModule as unknown as { default?: PersonnummerClass }).default ??
      (personnummerModule as unknown as PersonnummerClass);
    const candidate = fc
      .tuple(
        fc.integer({ min: 1800, max: 2099 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 93 }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 9 }),
      )
      .map(([y, m, d, n, c]) => `${y}${pad(m, 2)}${pad(d, 2)}${pad(n, 3)}${c}`);
    fc.assert(
      fc.property(candidate, (digits) => {
        const day = Number(digits.slice(6, 8));
        const birthDate = `${digits.slice(0, 6)}${pad(day > 60 ? day - 60 : day, 2)}`;
        const isPossibleToday = birthDate <= '20250301';
        const libraryValid = Personnummer.valid(digits, {
          allowCoordinationNumber: true,
          allowInterimNumber: false,
        });
        expect(isValidPersonalNumber(digits, { now: NOW })).toBe(libraryValid && isPossibleToday);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Skatteverket test numbers (server/seeds/testpersonnummer.txt)', () => {
  const lines = readFileSync(new URL('../../../server/seeds/testpersonnummer.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  // Every 100th line: a few hundred numbers spread over all birth years in the file.
  const sample = lines.filter((_, index) => index % 100 === 0);
  const afterLastBirthDate = new Date('2025-06-01T12:00:00Z');

  it('samples a few hundred numbers', () => {
    expect(sample.length).toBeGreaterThanOrEqual(300);
  });

  it('every sampled number is valid and its birth date and gender agree with the digits', () => {
    for (const number of sample) {
      const result = parsePersonalNumber(number, { now: afterLastBirthDate });
      expect(result, number).toEqual({
        ok: true,
        value: {
          normalized: number,
          kind: 'personal',
          birthDate: `${number.slice(0, 4)}-${number.slice(4, 6)}-${number.slice(6, 8)}`,
          gender: Number(number[10]) % 2 === 1 ? 'male' : 'female',
        },
      });
      expect(genderOf(number)).toBe(result.ok ? result.value.gender : undefined);
    }
  });

  it('short and long display forms of sampled numbers parse back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sample), fc.constantFrom('long', 'short'), (number, style) => {
        const formatted = formatPersonalNumber(number, style, afterLastBirthDate);
        expect(normalizedOf(formatted, afterLastBirthDate)).toBe(number);
      }),
    );
  });
});
