import { normalizeOrganisationNumber, OrganisationNumberError, parsePersonalNumber } from '@karna/contracts';
import { isInSweden } from '../coordinates.ts';
import { reject } from './population-file.errors.ts';
import type { SwerefPoint } from './population-file.types.ts';

/** One element of a record, as the parser collects it: no attributes, text and child elements. */
export type XmlElement = { name: string; children: XmlElement[]; text: string };

/** How often a child element may occur: exactly once, at most once, any number, at least once. */
type Occurs = '1' | '?' | '*' | '+';
type Entry = readonly [name: string, occurs: Occurs];

/** A record element's allowed children, in order, prepared once per element kind (see `shape`). */
export type Shape<T extends readonly Entry[]> = {
  readonly entries: T;
  readonly isSingle: readonly boolean[];
  readonly required: readonly number[];
};

const EMPTY: readonly XmlElement[] = Object.freeze([]);

/** Prepares the children an element may have, e.g. `shape(['PersonNr', '1'], ['Fran', '?'])`. */
export function shape<const T extends readonly Entry[]>(...entries: T): Shape<T> {
  return {
    entries,
    isSingle: entries.map(([, occurs]) => occurs === '1' || occurs === '?'),
    required: entries.flatMap(([, occurs], position) => (occurs === '1' || occurs === '+' ? [position] : [])),
  };
}

/**
 * The child elements of `element`, one list per name of `shape` in its order (destructure them),
 * after checking: an element the shape does not name, a missing required one or a repeated single
 * one rejects the record. Lists, not an object, because this runs for every element of every record.
 */
export function childrenOf<const T extends readonly Entry[]>(
  element: XmlElement,
  path: string,
  shape: Shape<T>,
): { [K in keyof T]: readonly XmlElement[] } {
  if (element.text !== '' && element.text.trim() !== '') {
    reject('malformed_record', `${path} holds text where elements are expected`);
  }
  const { entries } = shape;
  const count = entries.length;
  const found: (readonly XmlElement[])[] = [];
  for (let position = 0; position < count; position++) found.push(EMPTY);
  // Files list children in the shape's order, so the search starts where the last child was found;
  // comparing names beats hashing each fresh tag-name string for a map lookup.
  let cursor = 0;
  for (const child of element.children) {
    const name = child.name;
    let position = -1;
    for (let candidate = cursor; candidate < count; candidate++) {
      if ((entries[candidate] as Entry)[0] === name) {
        position = candidate;
        break;
      }
    }
    for (let candidate = 0; position < 0 && candidate < cursor; candidate++) {
      if ((entries[candidate] as Entry)[0] === name) position = candidate;
    }
    if (position < 0) reject('unknown_element', `unknown element ${name} in ${path}`);
    cursor = position;
    const list = found[position] as readonly XmlElement[];
    if (list === EMPTY) found[position] = [child];
    else if (shape.isSingle[position]) reject('malformed_record', `${path}/${name} appears more than once`);
    else (list as XmlElement[]).push(child);
  }
  for (const position of shape.required) {
    if (found[position] === EMPTY) {
      reject('missing_field', `${path}/${(shape.entries[position] as Entry)[0]} is missing`);
    }
  }
  return found as { [K in keyof T]: readonly XmlElement[] };
}

export function only(elements: readonly XmlElement[]): XmlElement {
  return elements[0] as XmlElement;
}

// C0 and C1 controls (tab and line breaks included) and the bidirectional overrides and isolates,
// as contracts' text() refuses them, so no name or address in the register can carry them.
const REFUSED = '\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';
const REFUSED_CHARACTERS = new RegExp(`[${REFUSED}]`);

export function hasRefusedCharacters(value: string): boolean {
  return REFUSED_CHARACTERS.test(value);
}

/** The trimmed text of a leaf element, inner runs of spaces made one; empty is missing. */
export function textOf(element: XmlElement, path: string, max = 100): string {
  if (element.children.length > 0)
    reject('malformed_record', `${path} holds elements where text is expected`);
  let value = element.text.trim();
  if (value === '') reject('missing_field', `${path} is empty`);
  if (value.includes('  ')) value = value.replace(/ {2,}/g, ' ');
  if (value.length > max) reject('bad_value', `${path} is longer than ${max} characters`);
  if (hasRefusedCharacters(value)) {
    reject('bad_value', `${path} contains a control character or an invisible direction mark`);
  }
  return value;
}

export function optionalText(elements: readonly XmlElement[], path: string, max = 100): string | null {
  const element = elements[0];
  return element ? textOf(element, path, max) : null;
}

const personalNumberFaults = {
  format: 'is not a personal number (ten or twelve digits expected)',
  date: 'holds an impossible birth date',
  checksum: 'fails the check digit',
  coordination_not_allowed: 'is a coordination number, not accepted here',
} as const;

export type ReadPersonalNumber = { normalized: string; birthDate: string; isCoordinationNumber: boolean };

/**
 * Parses personal numbers with the contracts module, remembering the latest few thousand: a file
 * names each parent again in every child's record and each owner in their property's, and the
 * parse (with its time-zone lookup for "today") is a large share of the reading time.
 */
export class PersonalNumberReader {
  private readonly now: Date;
  private recent = new Map<string, ReadPersonalNumber>();
  private older = new Map<string, ReadPersonalNumber>();

  constructor(now: Date) {
    this.now = now;
  }

  /** A personal or coordination number in its 12-digit form; the reason never shows the number. */
  read(element: XmlElement, path: string): ReadPersonalNumber {
    const text = textOf(element, path, 20);
    const known = this.recent.get(text) ?? this.older.get(text);
    if (known) return known;
    const result = parsePersonalNumber(text, { now: this.now });
    if (!result.ok) {
      reject('bad_personal_number', `the personal number in ${path} ${personalNumberFaults[result.reason]}`);
    }
    const { normalized, birthDate, kind } = result.value;
    const read = { normalized, birthDate, isCoordinationNumber: kind === 'coordination' };
    if (this.recent.size >= 64) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(text, read);
    return read;
  }
}

const organisationNumberFaults = {
  format: 'is not an organisation number (ten digits expected)',
  checksum: 'fails the check digit',
  not_a_legal_person: 'is not a legal person’s number (its third digit is below 2)',
} as const;

export function organisationNumberOf(element: XmlElement, path: string): string {
  const value = textOf(element, path, 20);
  try {
    return normalizeOrganisationNumber(value);
  } catch (error) {
    if (!(error instanceof OrganisationNumberError)) throw error;
    return reject(
      'bad_organisation_number',
      `the organisation number in ${path} ${organisationNumberFaults[error.reason]}`,
    );
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` from 1800 on. */
export function dateOf(element: XmlElement, path: string): string {
  const value = textOf(element, path, 40);
  if (!isCalendarDate(value)) reject('bad_date', `${path} is not a date (YYYY-MM-DD)`);
  return value;
}

export function optionalDate(elements: readonly XmlElement[], path: string): string | null {
  const element = elements[0];
  return element ? dateOf(element, path) : null;
}

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1800 || month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Navet's J/N flags. */
export function flagOf(element: XmlElement, path: string): boolean {
  const value = textOf(element, path, 10);
  if (value !== 'J' && value !== 'N') reject('bad_value', `${path} is neither J nor N`);
  return value === 'J';
}

export function codeOf(element: XmlElement, path: string, digits: number): string {
  const value = textOf(element, path, digits);
  if (value.length !== digits || !/^\d+$/.test(value)) reject('bad_value', `${path} is not ${digits} digits`);
  return value;
}

/** `431 30` or `43130`, never starting with 0, as the five digits. */
export function postalCodeOf(element: XmlElement, path: string): string {
  const value = textOf(element, path, 6).replace(' ', '');
  if (!/^[1-9]\d{4}$/.test(value)) reject('bad_value', `${path} is not a postal code (five digits)`);
  return value;
}

const METRES = /^\d{1,7}(\.\d{1,3})?$/;
const pointShape = shape(['Nord', '1'], ['Ost', '1']);

/** A SWEREF 99 TM point, within the registry's sanity range for Sweden (shared/standards/NOTES.md §9). */
export function pointOf(element: XmlElement, path: string): SwerefPoint {
  const [Nord, Ost] = childrenOf(element, path, pointShape);
  const northing = metresOf(only(Nord), `${path}/Nord`);
  const easting = metresOf(only(Ost), `${path}/Ost`);
  if (!isInSweden(northing, easting)) {
    reject('coordinate_out_of_range', `${path} lies outside Sweden (SWEREF 99 TM expected)`);
  }
  return { northing, easting };
}

function metresOf(element: XmlElement, path: string): number {
  const value = textOf(element, path, 12);
  if (!METRES.test(value)) reject('bad_value', `${path} is not a number of metres`);
  return Number(value);
}
