import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { genderOf, type PersonalNumberErrorReason, parsePersonalNumber } from '@karna/contracts';

/** Why a typed number cannot be used (a coordination number is always allowed here). */
export type PersonalNumberProblem = Exclude<PersonalNumberErrorReason, 'coordination_not_allowed'>;

/** The e-legitimation level of assurance the test broker claims (tillitsnivå 3). */
export const LOA3 = 'http://id.elegnamnden.se/loa/1.0/loa3';
/** OIDC Sweden claim for a personnummer. */
export const OIDC_SE_PERSONAL_NUMBER = 'https://id.oidc.se/claim/personalIdentityNumber';
/** OIDC Sweden claim for a samordningsnummer (mutually exclusive with the personnummer claim). */
export const OIDC_SE_COORDINATION_NUMBER = 'https://id.oidc.se/claim/coordinationNumber';

/** A person the test e-legitimation broker can authenticate. */
export interface TestCitizen {
  personalNumber: string;
  givenName: string;
  familyName: string;
}

/** An account in the test staff directory (seeds/demo/staff.json). */
export interface TestStaffAccount {
  subject: string;
  givenName: string;
  familyName: string;
  email: string;
  title: string;
}

/** Why a typed number cannot be used to log in. */
export type CitizenLookupProblem = PersonalNumberProblem | 'not_test_number';

export type CitizenLookupResult =
  | { ok: true; citizen: TestCitizen; subject: string }
  | { ok: false; problem: CitizenLookupProblem };

/** The citizens the test broker knows: the demo citizens and every Skatteverket test number. */
export interface CitizenDirectory {
  readonly demoCitizens: readonly TestCitizen[];
  lookUp(input: string): CitizenLookupResult;
  findBySubject(subject: string): TestCitizen | undefined;
}

/** The accounts of the test staff directory. */
export interface StaffDirectory {
  readonly accounts: readonly TestStaffAccount[];
  findBySubject(subject: string): TestStaffAccount | undefined;
}

const MALE_GIVEN_NAMES = (
  'Erik Lars Karl Anders Johan Per Nils Mikael Jan Hans Olof Peter Gunnar Sven Fredrik Daniel ' +
  'Magnus Oskar William Hugo Elias Ali Noah Axel'
).split(' ');
const FEMALE_GIVEN_NAMES = (
  'Anna Eva Maria Karin Sara Kristina Lena Emma Kerstin Ingrid Malin Jenny Hanna Linnea Elsa Alice ' +
  'Maja Astrid Ebba Fatima Wilma Sofia Ida Birgitta'
).split(' ');
/** The given names generated names are drawn from, by the gender the number encodes. */
export const GENERATED_GIVEN_NAMES = { male: MALE_GIVEN_NAMES, female: FEMALE_GIVEN_NAMES } as const;

const FAMILY_NAMES = (
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson ' +
  'Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström ' +
  'Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lundgren Mattsson Berglund ' +
  'Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström Eklund Danielsson Håkansson ' +
  'Björk Bergman Holm Nyström Söderberg Åberg'
).split(' ');

/** Reads the demo citizens and Skatteverket's test personal identity numbers from `seedsDir`. */
export async function loadCitizenDirectory(seedsDir: string): Promise<CitizenDirectory> {
  const demoCitizens = await readJson<TestCitizen[]>(join(seedsDir, 'demo', 'citizens.json'));
  const list = await readFile(join(seedsDir, 'testpersonnummer.txt'), 'utf8');
  const testNumbers = new Set(list.split(/\r?\n/).filter((line) => /^\d{12}$/.test(line)));
  return createCitizenDirectory(demoCitizens, testNumbers);
}

/**
 * A directory over the given citizens and test numbers. Only numbers in `testNumbers` can log in,
 * so that no real person's number is ever usable here.
 */
export function createCitizenDirectory(
  demoCitizens: readonly TestCitizen[],
  testNumbers: ReadonlySet<string>,
): CitizenDirectory {
  demoCitizens.forEach((citizen, index) => {
    if (!testNumbers.has(citizen.personalNumber)) {
      throw new Error(`demo citizen #${index + 1} does not have one of Skatteverket's test numbers`);
    }
  });
  const demoByNumber = new Map(demoCitizens.map((citizen) => [citizen.personalNumber, citizen]));
  // Filled as people log in; bounded by the size of the test list.
  const bySubject = new Map(demoCitizens.map((citizen) => [citizenSubject(citizen.personalNumber), citizen]));

  return {
    demoCitizens,
    lookUp(input) {
      // People type numbers with spaces in them; the shared parser takes them without.
      const parsed = parsePersonalNumber(input.replace(/\s+/g, ''));
      if (!parsed.ok) {
        return {
          ok: false,
          problem: parsed.reason === 'coordination_not_allowed' ? 'format' : parsed.reason,
        };
      }
      const personalNumber = parsed.value.normalized;
      if (!testNumbers.has(personalNumber)) {
        return { ok: false, problem: 'not_test_number' };
      }
      const citizen = demoByNumber.get(personalNumber) ?? generatedCitizen(personalNumber);
      const subject = citizenSubject(personalNumber);
      bySubject.set(subject, citizen);
      return { ok: true, citizen, subject };
    },
    findBySubject: (subject) => bySubject.get(subject),
  };
}

/** Reads the staff directory accounts from `seedsDir`. */
export async function loadStaffDirectory(seedsDir: string): Promise<StaffDirectory> {
  const rows = await readJson<TestStaffAccount[]>(join(seedsDir, 'demo', 'staff.json'));
  const accounts = rows.map(({ subject, givenName, familyName, email, title }) => ({
    subject,
    givenName,
    familyName,
    email,
    title,
  }));
  const bySubject = new Map(accounts.map((account) => [account.subject, account]));
  return { accounts, findBySubject: (subject) => bySubject.get(subject) };
}

/** The stable `sub` of a citizen: a hash of the number, never the number itself. */
export function citizenSubject(personalNumber: string): string {
  return createHash('sha256').update(`karna-test-idp:citizen:${personalNumber}`).digest('base64url');
}

/** A plausible, deterministic Swedish name for a test number, matching the gender it encodes. */
export function generatedCitizen(personalNumber: string): TestCitizen {
  const digest = createHash('sha256').update(`karna-test-idp:name:${personalNumber}`).digest();
  const givenNames = genderOf(personalNumber) === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
  return {
    personalNumber,
    givenName: pick(givenNames, digest.readUInt32BE(0)),
    familyName: pick(FAMILY_NAMES, digest.readUInt32BE(4)),
  };
}

/** The claims the test broker releases about a citizen (ELN attribute names, OIDC and OIDC Sweden). */
export function citizenClaims(
  subject: string,
  citizen: TestCitizen,
): { sub: string } & Record<string, unknown> {
  const { personalNumber, givenName, familyName } = citizen;
  const parsed = parsePersonalNumber(personalNumber);
  if (!parsed.ok) throw new Error('a citizen of the test directory has an invalid number');
  const swedishNumberClaim =
    parsed.value.kind === 'coordination' ? OIDC_SE_COORDINATION_NUMBER : OIDC_SE_PERSONAL_NUMBER;
  return {
    sub: subject,
    personalIdentityNumber: personalNumber,
    givenName,
    surname: familyName,
    given_name: givenName,
    family_name: familyName,
    name: `${givenName} ${familyName}`,
    birthdate: parsed.value.birthDate,
    [swedishNumberClaim]: personalNumber,
  };
}

/** The claims the test staff directory releases about an account (as Entra ID would). */
export function staffClaims(account: TestStaffAccount): { sub: string } & Record<string, unknown> {
  return {
    sub: account.subject,
    given_name: account.givenName,
    family_name: account.familyName,
    name: `${account.givenName} ${account.familyName}`,
    email: account.email,
    email_verified: true,
    preferred_username: account.email,
  };
}

function pick(names: readonly string[], index: number): string {
  return names[index % names.length] ?? '';
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}
