/** Helpers shared by the personal-number tests (not part of the module's API). */
import { parsePersonalNumber } from './index.ts';

/** 2025-03-01 in Sweden. */
export const NOW = new Date('2025-03-01T12:00:00Z');

/** Luhn over `YYMMDDNNN` written from NOTES.md §1, independent of the code under test. */
export function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** Completes `YYYYMMDDNNN` with its check digit. */
export function withCheckDigit(first11: string): string {
  return `${first11}${checkDigit(first11.slice(2))}`;
}

export const pad = (value: number, length: number) => String(value).padStart(length, '0');

/** A 10-digit short form with the separator the 100-year rule asks for at NOW. */
export function shortForm(normalized: string): string {
  const separator = 2025 - Number(normalized.slice(0, 4)) >= 100 ? '+' : '-';
  return `${normalized.slice(2, 8)}${separator}${normalized.slice(8)}`;
}

export function reasonOf(input: string, options?: Parameters<typeof parsePersonalNumber>[1]) {
  const result = parsePersonalNumber(input, { now: NOW, ...options });
  return result.ok ? 'ok' : result.reason;
}

export function normalizedOf(input: string, now: Date = NOW): string | undefined {
  const result = parsePersonalNumber(input, { now });
  return result.ok ? result.value.normalized : undefined;
}

export function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
