import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatOrganisationNumber,
  isValidOrganisationNumber,
  luhnCheckDigit,
  normalizeOrganisationNumber,
  type OrganisationNumberError,
} from './index.ts';

describe('organisation numbers', () => {
  it('accepts real-looking numbers in every written form', () => {
    // Skatteverket's own number, and Bolagsverket's.
    expect(normalizeOrganisationNumber('202100-5448')).toBe('2021005448');
    expect(normalizeOrganisationNumber('2021005489')).toBe('2021005489');
    expect(normalizeOrganisationNumber('16202100-5448')).toBe('2021005448');
    expect(formatOrganisationNumber('2021005448')).toBe('202100-5448');
  });

  it('says why a number is refused, without repeating it', () => {
    const reasonOf = (input: string) => {
      try {
        normalizeOrganisationNumber(input);
        return 'ok';
      } catch (error) {
        expect((error as Error).message).not.toMatch(/\d{4}/);
        return (error as OrganisationNumberError).reason;
      }
    };
    expect(reasonOf('202100-5449')).toBe('checksum');
    expect(reasonOf('851210-1234')).toBe('not_a_legal_person');
    expect(reasonOf('20210-05448')).toBe('format');
    expect(reasonOf('abc')).toBe('format');
  });

  it('accepts exactly the numbers whose last digit is the Luhn digit of the first nine', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2}[2-9]\d{6}$/), fc.integer({ min: 0, max: 9 }), (nine, last) => {
        expect(isValidOrganisationNumber(`${nine}${last}`)).toBe(luhnCheckDigit(nine) === last);
      }),
    );
  });
});
