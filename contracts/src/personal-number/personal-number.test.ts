import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ageOf,
  createPersonalNumberSchema,
  formatPersonalNumber,
  genderOf,
  isValidPersonalNumber,
  maskPersonalNumber,
  normalizePersonalNumber,
  PersonalNumberError,
  PersonalNumberInput,
  parsePersonalNumber,
} from './index.ts';
import { captureError, NOW, normalizedOf, reasonOf } from './personal-number.test-support.ts';

describe('parsePersonalNumber', () => {
  it.each([
    '8507099805',
    '850709-9805',
    '198507099805',
    '19850709-9805',
    '  850709-9805\t',
    '\n198507099805 ',
  ])('accepts %j as 198507099805', (input) => {
    expect(parsePersonalNumber(input, { now: NOW })).toEqual({
      ok: true,
      value: { normalized: '198507099805', kind: 'personal', birthDate: '1985-07-09', gender: 'female' },
    });
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '   '],
    ['a space as separator', '850709 9805'],
    ['an en dash as separator', '850709–9805'],
    ['two separators', '850709--9805'],
    ['a separator in the wrong place', '+8507099805'],
    ['a letter', '85070998O5'],
    ['an interim number', '850709-T805'],
    ['9 digits', '850709980'],
    ['11 digits', '19850709980'],
    ['13 digits', '1985070998051'],
    ['full-width digits', '８５０７０９９８０５'],
    ['birth number 000', '198507090002'],
  ])('rejects %s as format', (_, input) => {
    expect(reasonOf(input)).toBe('format');
  });

  it('rejects non-string input from untyped callers as format', () => {
    expect(reasonOf(8507099805 as unknown as string)).toBe('format');
  });

  it.each([
    ['30 February', '199902301234'],
    ['month 13', '199913011236'],
    ['day 0', '198507001231'],
    ['day 32', '198507321233'],
    ['day 60 (coordination day 0)', '198507601238'],
    ['day 92 (coordination day 32)', '198507921230'],
    ['29 February 1900 (not a leap year)', '190002291235'],
    ['29 February 2023', '202302291238'],
    ['29 February 1999 as a coordination number', '199902891234'],
    ['a birth date after today', '202503021236'],
    ['a birth year before 1800', '179901011230'],
  ])('rejects %s as date', (_, input) => {
    expect(reasonOf(input)).toBe('date');
  });

  it.each([
    ['2000 (divisible by 400)', '200002291235'],
    ['1996', '199602291248'],
    ['2024', '202402291252'],
  ])('accepts 29 February %s', (_, input) => {
    expect(normalizedOf(input)).toBe(input);
  });

  it('accepts someone born today and the year 1800', () => {
    expect(normalizedOf('202503011237')).toBe('202503011237');
    expect(normalizedOf('180001011238')).toBe('180001011238');
  });

  it.each(['198507099806', '850709-9804', '197010632390'])('rejects a wrong check digit in %j', (input) => {
    expect(reasonOf(input)).toBe('checksum');
  });

  it('resolves the century of 10 digits from the separator and now', () => {
    expect(normalizedOf('121212-1212')).toBe('201212121212');
    expect(normalizedOf('1212121212')).toBe('201212121212');
    expect(normalizedOf('121212+1212')).toBe('191212121212');
    expect(normalizedOf('121212-1212', new Date('2011-06-01T12:00:00Z'))).toBe('191212121212');
  });

  it('rejects a 10-digit date later this year with -, since that person would write +', () => {
    expect(reasonOf('250302-1236')).toBe('date');
    expect(normalizedOf('250302+1236')).toBe('192503021236');
  });

  describe('100-year rule (born 1925-06-01, turns 100 in 2025)', () => {
    const number = '192506011234';
    const lastDayOf2024 = new Date('2024-12-31T12:00:00Z');

    it('reads + as 100 years earlier from the calendar year of the 100th birthday', () => {
      expect(normalizedOf('250601+1234')).toBe(number);
      expect(reasonOf('250601-1234')).toBe('date');
      expect(normalizedOf('250601-1234', lastDayOf2024)).toBe(number);
    });

    it('accepts + on 12 digits only from that year; - always', () => {
      expect(normalizedOf('19250601+1234')).toBe(number);
      expect(normalizedOf('19250601-1234')).toBe(number);
      expect(parsePersonalNumber('19250601+1234', { now: lastDayOf2024 })).toEqual({
        ok: false,
        reason: 'format',
      });
      expect(reasonOf('19850709+9805')).toBe('format');
    });

    it('takes the year from the date in Sweden, not in UTC', () => {
      const newYearInStockholm = new Date('2024-12-31T23:30:00Z');
      expect(normalizedOf('19250601+1234', newYearInStockholm)).toBe(number);
      expect(formatPersonalNumber(number, 'short', newYearInStockholm)).toBe('250601+1234');
      expect(formatPersonalNumber(number, 'short', lastDayOf2024)).toBe('250601-1234');
    });
  });

  describe('coordination numbers', () => {
    it('parses 701063-2391 with the 60 removed from the birth date', () => {
      const expected = {
        ok: true,
        value: { normalized: '197010632391', kind: 'coordination', birthDate: '1970-10-03', gender: 'male' },
      };
      expect(parsePersonalNumber('701063-2391', { now: NOW })).toEqual(expected);
      expect(parsePersonalNumber('197010632391', { now: NOW })).toEqual(expected);
    });

    it('accepts 29 February + 60 in a leap year', () => {
      expect(normalizedOf('200002891232')).toBe('200002891232');
    });

    it('are allowed by default and rejected when not allowed', () => {
      expect(isValidPersonalNumber('701063-2391')).toBe(true);
      expect(reasonOf('701063-2391', { allowCoordinationNumber: false })).toBe('coordination_not_allowed');
      expect(reasonOf('850709-9805', { allowCoordinationNumber: false })).toBe('ok');
      expect(reasonOf('701063-2390', { allowCoordinationNumber: false })).toBe('checksum');
    });
  });

  it('uses the current time when no now is given', () => {
    expect(normalizedOf('850709-9805', new Date())).toBe('198507099805');
    expect(isValidPersonalNumber('850709-9805')).toBe(true);
  });
});

describe('normalizePersonalNumber', () => {
  it('returns the 12-digit form', () => {
    expect(normalizePersonalNumber(' 701063-2391 ', { now: NOW })).toBe('197010632391');
  });

  it.each([
    ['', 'format'],
    ['19990230-1234', 'date'],
    ['850709-9804', 'checksum'],
  ])('throws a PersonalNumberError without the digits for %j', (input, reason) => {
    const error = captureError(() => normalizePersonalNumber(input, { now: NOW }));
    expect(error).toBeInstanceOf(PersonalNumberError);
    expect(error).toMatchObject({ name: 'PersonalNumberError', reason });
    expect(String(error)).not.toMatch(/\d/);
  });

  it('throws coordination_not_allowed', () => {
    const error = captureError(() =>
      normalizePersonalNumber('701063-2391', { allowCoordinationNumber: false }),
    );
    expect(error).toMatchObject({ reason: 'coordination_not_allowed' });
  });
});

describe('formatPersonalNumber, maskPersonalNumber, ageOf, genderOf', () => {
  it('formats long and short', () => {
    expect(formatPersonalNumber('198507099805', 'long', NOW)).toBe('19850709-9805');
    expect(formatPersonalNumber('198507099805', 'short', NOW)).toBe('850709-9805');
    expect(formatPersonalNumber('191212121212', 'short', NOW)).toBe('121212+1212');
    expect(formatPersonalNumber('197010632391', 'short', NOW)).toBe('701063-2391');
  });

  it('refuses a short form that would read as someone a century younger', () => {
    expect(captureError(() => formatPersonalNumber('180001011238', 'short', NOW))).toMatchObject({
      reason: 'date',
    });
  });

  it('masks the last four digits', () => {
    expect(maskPersonalNumber('198507099805')).toBe('19850709-****');
    expect(maskPersonalNumber('197010632391')).toBe('19701063-****');
  });

  it.each([
    ['10 digits', '8507099805', 'format'],
    ['a separator', '19850709-9805', 'format'],
    ['a bad date', '199902301234', 'date'],
    ['a bad check digit', '198507099806', 'checksum'],
  ])('helpers throw for %s instead of the stored form', (_, input, reason) => {
    for (const helper of [maskPersonalNumber, genderOf, (n: string) => ageOf(n, NOW)]) {
      const error = captureError(() => helper(input));
      expect(error).toMatchObject({ reason });
      expect(String(error)).not.toMatch(/\d/);
    }
  });

  it('counts age on the day before, on and after a birthday', () => {
    const born = '200001012384';
    expect(ageOf(born, new Date('2017-12-31T12:00:00Z'))).toBe(17);
    expect(ageOf(born, new Date('2018-01-01T12:00:00Z'))).toBe(18);
    expect(ageOf(born, new Date('2018-01-02T12:00:00Z'))).toBe(18);
    expect(ageOf(born, new Date('2000-01-01T12:00:00Z'))).toBe(0);
    // 23:30 UTC is already the birthday in Sweden.
    expect(ageOf(born, new Date('2017-12-31T23:30:00Z'))).toBe(18);
    expect(() => ageOf(born, new Date('1999-12-31T12:00:00Z'))).toThrow(RangeError);
  });

  it('counts age from the real birth date of a coordination number', () => {
    expect(ageOf('197010632391', new Date('2025-10-02T12:00:00Z'))).toBe(54);
    expect(ageOf('197010632391', new Date('2025-10-03T12:00:00Z'))).toBe(55);
  });

  it('lets someone born on 29 February turn older on 1 March in common years', () => {
    const born = '200002291235';
    expect(ageOf(born, new Date('2021-02-28T12:00:00Z'))).toBe(20);
    expect(ageOf(born, new Date('2021-03-01T12:00:00Z'))).toBe(21);
    expect(ageOf(born, new Date('2024-02-29T12:00:00Z'))).toBe(24);
  });

  it('reads gender from the parity of the third birth-number digit', () => {
    expect(genderOf('200001012384')).toBe('female');
    expect(genderOf('200001011493')).toBe('male');
    expect(genderOf('197010632391')).toBe('male');
  });
});

describe('PersonalNumberInput', () => {
  it('transforms valid input to the 12-digit form', () => {
    expect(PersonalNumberInput.parse(' 850709-9805 ')).toBe('198507099805');
    expect(z.object({ pnr: PersonalNumberInput }).parse({ pnr: '701063-2391' })).toEqual({
      pnr: '197010632391',
    });
  });

  it.each([
    ['198507099806', 'checksum'],
    ['19990230-1234', 'date'],
    ['8507', 'format'],
  ])('rejects %j with its reason and without echoing the value', (input, reason) => {
    const result = PersonalNumberInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'custom', params: { reason } })]);
    expect(result.error?.issues[0]?.message).not.toMatch(/\d/);
    expect(JSON.stringify(result.error)).not.toContain(input);
    expect(result.error?.message).not.toContain(input);
  });

  it('rejects non-strings', () => {
    expect(PersonalNumberInput.safeParse(8507099805).success).toBe(false);
  });

  it('can refuse coordination numbers', () => {
    const schema = createPersonalNumberSchema({ allowCoordinationNumber: false });
    expect(schema.safeParse('701063-2391').error?.issues).toEqual([
      expect.objectContaining({ params: { reason: 'coordination_not_allowed' } }),
    ]);
    expect(schema.parse('850709-9805')).toBe('198507099805');
  });

  it('describes the request side as a JSON Schema string', () => {
    expect(z.toJSONSchema(PersonalNumberInput, { io: 'input' })).toMatchObject({ type: 'string' });
  });
});
