import { parsePersonalNumber } from '@karna/contracts';
import type { Household, Person } from './population-generator.households.ts';
import { addDays } from './population-generator.numbers.ts';

/** A citizen of the test identity provider (server/seeds/demo/citizens.json). */
export type DemoCitizen = { personalNumber: string; givenName: string; familyName: string };

/**
 * The demo citizens as households: each child (under 18) with a guardian 20–50 years older, the
 * same family name first, and that guardian's partner (opposite sex, within five years); then the
 * other adults as couples where their ages allow; the rest live alone.
 */
export function groupDemoCitizens(citizens: readonly DemoCitizen[], today: string): Household[] {
  const people = citizens.map((citizen): Person => {
    const parsed = parsePersonalNumber(citizen.personalNumber);
    if (!parsed.ok) throw new Error('a demo citizen has an invalid personal number');
    const { normalized, birthDate, gender } = parsed.value;
    return {
      personalNumber: normalized,
      birthDate,
      sex: gender,
      name: {
        givenNames: citizen.givenName,
        callingName: null,
        middleName: null,
        familyName: citizen.familyName,
      },
    };
  });
  const year = (person: Person) => Number(person.birthDate.slice(0, 4));
  const isChild = (person: Person) => addDays(person.birthDate, 18 * 365 + 4) > today;
  const isGuardianAge = (adult: Person, child: Person) =>
    !isChild(adult) && year(child) - year(adult) >= 20 && year(child) - year(adult) <= 50;
  const placed = new Set<string>();
  const isFree = (person: Person) => !placed.has(person.personalNumber);
  const result: Household[] = [];
  for (const child of people.filter(isChild)) {
    if (!isFree(child)) continue;
    const candidates = people.filter((adult) => isFree(adult) && isGuardianAge(adult, child));
    const guardian =
      candidates.find((adult) => adult.name.familyName === child.name.familyName) ?? candidates[0];
    if (!guardian) continue;
    const partner = candidates.find(
      (adult) =>
        adult !== guardian && adult.sex !== guardian.sex && Math.abs(year(adult) - year(guardian)) <= 5,
    );
    const adults = partner ? [guardian, partner] : [guardian];
    const children = people.filter(
      (other) => isFree(other) && isChild(other) && adults.every((adult) => isGuardianAge(adult, other)),
    );
    for (const person of [...adults, ...children]) placed.add(person.personalNumber);
    result.push({
      adults,
      children: children.map((person) => ({
        person,
        guardians: adults.map((adult) => ({ personalNumber: adult.personalNumber, from: person.birthDate })),
      })),
    });
  }
  for (const person of people) {
    if (!isFree(person) || isChild(person)) continue;
    placed.add(person.personalNumber);
    const partner = people.find(
      (other) =>
        isFree(other) &&
        !isChild(other) &&
        other.sex !== person.sex &&
        Math.abs(year(other) - year(person)) <= 5,
    );
    if (partner) placed.add(partner.personalNumber);
    result.push({ adults: partner ? [person, partner] : [person], children: [] });
  }
  // A child with no possible guardian among them still belongs in the file, in a household of their own.
  for (const person of people) {
    if (isFree(person)) result.push({ adults: [], children: [{ person, guardians: [] }] });
  }
  return result;
}
