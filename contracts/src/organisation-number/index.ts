/**
 * Swedish organisation numbers (organisationsnummer, lag 1974:174): ten digits `NNNNNN-NNNC`, the
 * last a Luhn check digit over the first nine, as for personal numbers. A legal person's number has
 * a third digit of 2 or more (which no month has); a sole trader (enskild firma) is identified by
 * the owner's personal number instead and is not accepted here. Bolagsverket and Skatteverket also
 * write a `16` century prefix (`16NNNNNNNNNN`); it is accepted and dropped.
 *
 * Stored form: ten digits without a separator. Errors never carry the input.
 */
import { z } from 'zod';

export type OrganisationNumberErrorReason = 'format' | 'checksum' | 'not_a_legal_person';

export class OrganisationNumberError extends Error {
  readonly reason: OrganisationNumberErrorReason;
  constructor(reason: OrganisationNumberErrorReason) {
    super(messages[reason]);
    this.name = 'OrganisationNumberError';
    this.reason = reason;
  }
}

const messages: Record<OrganisationNumberErrorReason, string> = {
  format: 'An organisation number has ten digits, optionally written NNNNNN-NNNN.',
  checksum: 'The check digit of the organisation number does not match.',
  not_a_legal_person: 'The third digit of an organisation number is 2 or more.',
};

const SHAPE = /^(?:16)?(\d{6})-?(\d{4})$/;

/** The Luhn check digit of nine digits (weights 2,1,2,… from the left). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let index = 0; index < nineDigits.length; index++) {
    const product = Number(nineDigits[index]) * (index % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** The ten-digit form of a valid organisation number; throws OrganisationNumberError otherwise. */
export function normalizeOrganisationNumber(input: string): string {
  const match = SHAPE.exec(input.trim());
  if (!match) throw new OrganisationNumberError('format');
  const digits = `${match[1]}${match[2]}`;
  if (Number(digits[2]) < 2) throw new OrganisationNumberError('not_a_legal_person');
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) throw new OrganisationNumberError('checksum');
  return digits;
}

export function isValidOrganisationNumber(input: string): boolean {
  try {
    normalizeOrganisationNumber(input);
    return true;
  } catch {
    return false;
  }
}

/** `5560000000` → `556000-0000`, as people write it. */
export function formatOrganisationNumber(normalized10: string): string {
  return `${normalized10.slice(0, 6)}-${normalized10.slice(6)}`;
}

/** A request field holding an organisation number: validated, and turned into its ten-digit form. */
export const OrganisationNumberInput = z
  .string()
  .max(13)
  .regex(/^(?:16)?\d{6}-?\d{4}$/, { error: 'must be an organisation number, NNNNNN-NNNN' })
  .refine(isValidOrganisationNumber, { error: 'is not a valid organisation number' })
  .transform((value) => normalizeOrganisationNumber(value));
