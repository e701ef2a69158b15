import { luhnCheckDigit, type PersonalNumberGender, parsePersonalNumber } from '@karna/contracts';
import type { Random } from './random.ts';

export type Sex = PersonalNumberGender;
export type IssuedNumber = { personalNumber: string; birthDate: string; sex: Sex };

/**
 * Hands out personal numbers for synthetic people: Skatteverket's test numbers first (by birth year
 * and sex, in a seeded order), then numbers from the synthetic rule (docs/population-file-format.md,
 * "Where the numbers come from"): on the wanted birth date, birth numbers from 999 (men) and 998
 * (women) downwards, skipping every test number and every excluded one, with a Luhn check digit.
 * Holds only the test list and one counter per date used, never the numbers it has handed out.
 */
export class PersonalNumberPool {
  private readonly testNumbersByYear = new Map<string, IssuedNumber[]>();
  private readonly unavailable: Set<string>;
  private readonly testNumbers: ReadonlySet<string>;
  private readonly nextBirthNumber = new Map<string, number>();
  private readonly latestDate: string;

  /**
   * @param testNumbers Skatteverket's test numbers (server/seeds/testpersonnummer.txt)
   * @param excluded numbers already in use (the demo citizens): never handed out
   * @param latestDate no one is born after this date (`YYYY-MM-DD`)
   */
  constructor(
    testNumbers: readonly string[],
    excluded: Iterable<string>,
    random: Random,
    latestDate: string,
  ) {
    this.latestDate = latestDate;
    this.testNumbers = new Set(testNumbers);
    this.unavailable = new Set(excluded);
    for (const number of testNumbers) this.unavailable.add(number);
    const excludedSet = new Set(excluded);
    for (const number of testNumbers) {
      const issued = describe(number);
      if (!issued || excludedSet.has(number) || issued.birthDate > latestDate) continue;
      const key = `${issued.birthDate.slice(0, 4)}${issued.sex}`;
      const list = this.testNumbersByYear.get(key);
      if (list) list.push(issued);
      else this.testNumbersByYear.set(key, [issued]);
    }
    for (const key of [...this.testNumbersByYear.keys()].sort()) {
      random.shuffle(this.testNumbersByYear.get(key) as IssuedNumber[]);
    }
  }

  /** A number for someone born in `year`: a test number if one is left, else a synthetic one. */
  take(year: number, sex: Sex, random: Random): IssuedNumber {
    const test = this.testNumbersByYear.get(`${year}${sex}`)?.pop();
    if (test) return test;
    return this.synthetic(randomDateIn(year, random, this.latestDate), sex);
  }

  /** A synthetic number on exactly this birth date. */
  synthetic(birthDate: string, sex: Sex): IssuedNumber {
    const key = `${birthDate}${sex}`;
    let step = this.nextBirthNumber.get(key) ?? 0;
    const yymmdd = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}`;
    const century = birthDate.slice(0, 2);
    for (;;) {
      const birthNumber = (sex === 'male' ? 999 : 998) - 2 * step++;
      if (birthNumber < 1) throw new RangeError('The synthetic series for this birth date is used up');
      const nine = `${yymmdd}${String(birthNumber).padStart(3, '0')}`;
      const personalNumber = `${century}${nine}${luhnCheckDigit(nine)}`;
      if (this.unavailable.has(personalNumber)) continue;
      this.nextBirthNumber.set(key, step);
      return { personalNumber, birthDate, sex };
    }
  }

  isTestNumber(personalNumber: string): boolean {
    return this.testNumbers.has(personalNumber);
  }

  /** Marks numbers already in a file (when writing changes to it), so none is handed out twice. */
  exclude(personalNumber: string): void {
    this.unavailable.add(personalNumber);
  }
}

function describe(number: string): IssuedNumber | null {
  const parsed = parsePersonalNumber(number);
  if (!parsed.ok || parsed.value.kind !== 'personal') return null;
  return {
    personalNumber: parsed.value.normalized,
    birthDate: parsed.value.birthDate,
    sex: parsed.value.gender,
  };
}

/** A uniformly drawn date in `year`, never after `latest`. */
export function randomDateIn(year: number, random: Random, latest: string): string {
  const start = Date.UTC(year, 0, 1);
  const yearEnd = Date.UTC(year + 1, 0, 1) - 86_400_000;
  const end = Math.min(yearEnd, Date.parse(`${latest}T00:00:00Z`));
  const days = Math.max(0, Math.floor((end - start) / 86_400_000));
  return new Date(start + random.integer(0, days) * 86_400_000).toISOString().slice(0, 10);
}

/** `date` plus `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A uniformly drawn date between two dates, both included. */
export function randomDateBetween(from: string, to: string, random: Random): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (end <= start) return from;
  const days = Math.floor((end - start) / 86_400_000);
  return new Date(start + random.integer(0, days) * 86_400_000).toISOString().slice(0, 10);
}
