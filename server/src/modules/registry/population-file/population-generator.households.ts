import type { Guardian, PersonName } from './population-file.types.ts';
import { cohortOf, familyNames, givenNames } from './population-generator.names.ts';
import type { IssuedNumber, PersonalNumberPool, Sex } from './population-generator.numbers.ts';
import { type Random, WeightedList } from './random.ts';

export type Person = IssuedNumber & { name: PersonName };
export type Child = { person: Person; guardians: Guardian[] };
export type Household = { adults: Person[]; children: Child[] };
export type Adult = { personalNumber: string; year: number; sex: Sex; birthDate: string };

const households = new WeightedList([
  ['single', 36],
  ['couple', 25],
  ['family', 29],
  ['singleParent', 10],
] as const);
const adultAges = new WeightedList([
  [[20, 29], 16],
  [[30, 44], 24],
  [[45, 64], 32],
  [[65, 79], 20],
  [[80, 99], 8],
] as const);
const familyNameList = new WeightedList(familyNames);
const givenNameLists = {
  female: {
    old: new WeightedList(givenNames.female.old),
    middle: new WeightedList(givenNames.female.middle),
    young: new WeightedList(givenNames.female.young),
  },
  male: {
    old: new WeightedList(givenNames.male.old),
    middle: new WeightedList(givenNames.male.middle),
    young: new WeightedList(givenNames.male.young),
  },
};

/**
 * Makes the people of one household at a time: single adults, couples, families with two guardians
 * and single parents, with names by sex and birth cohort and every guardian 20–50 years older than
 * every child. Remembers the last 256 adults, so a single parent's child can have its other parent,
 * living elsewhere, as a guardian.
 */
export class HouseholdMaker {
  private readonly random: Random;
  private readonly pool: PersonalNumberPool;
  private readonly todayYear: number;
  private readonly recentAdults: Adult[] = [];
  private recentIndex = 0;

  constructor(random: Random, pool: PersonalNumberPool, todayYear: number) {
    this.random = random;
    this.pool = pool;
    this.todayYear = todayYear;
  }

  /** A household of at most `room` people: single, couple, family or single parent. */
  make(room: number): Household {
    const kind = households.pick(this.random);
    let household: Household;
    if (kind === 'single') {
      household = { adults: [this.makePerson(this.adultYear(), this.randomSex())], children: [] };
    } else if (kind === 'couple') {
      const year = this.adultYear();
      const first = this.makePerson(year, this.randomSex());
      const partnerSex = this.random.chance(0.95) ? opposite(first.sex) : first.sex;
      const partnerYear = Math.min(this.todayYear - 20, year + this.random.integer(-4, 4));
      const sharesName = this.random.chance(0.55);
      household = {
        adults: [
          first,
          this.makePerson(partnerYear, partnerSex, sharesName ? first.name.familyName : undefined),
        ],
        children: [],
      };
    } else {
      household = this.makeFamily(kind === 'family' ? 2 : 1);
    }
    while (household.adults.length + household.children.length > room) {
      if (household.children.length > 0) household.children.pop();
      else household.adults.pop();
    }
    return household;
  }

  private makeFamily(parents: 1 | 2): Household {
    const childYears = [this.todayYear - this.random.integer(0, 17)];
    const wanted = parents === 2 ? this.random.pick([1, 1, 2, 2, 2, 3]) : this.random.pick([1, 1, 2]);
    while (childYears.length < wanted) {
      const next = (childYears[childYears.length - 1] as number) - this.random.integer(1, 4);
      if (next < this.todayYear - 17) break;
      childYears.push(next);
    }
    const youngest = Math.max(...childYears);
    const oldest = Math.min(...childYears);
    // Every guardian 20–50 years older than every child, by birth year.
    const low = youngest - 48;
    const high = oldest - 22;
    const parentYear = low <= high ? this.random.integer(low, high) : oldest - 20;
    const clampYear = (year: number) => Math.max(youngest - 50, Math.min(oldest - 20, year));
    const first = this.makePerson(
      parentYear,
      parents === 2 ? this.randomSex() : this.random.chance(0.7) ? 'female' : 'male',
    );
    const adults = [first];
    if (parents === 2) {
      const sharesName = this.random.chance(0.55);
      adults.push(
        this.makePerson(
          clampYear(parentYear + this.random.integer(-4, 4)),
          opposite(first.sex),
          sharesName ? first.name.familyName : undefined,
        ),
      );
    }
    const elsewhere =
      parents === 1 && this.random.chance(0.6)
        ? this.findGuardianElsewhere(first.sex, youngest, oldest)
        : null;
    const familyName = this.random.pick(adults).name.familyName;
    const children = childYears.map((year) => {
      const person = this.makePerson(year, this.randomSex(), familyName);
      const guardians = adults.map((adult) => ({
        personalNumber: adult.personalNumber,
        from: person.birthDate,
      }));
      if (elsewhere && elsewhere.birthDate < person.birthDate) {
        guardians.push({ personalNumber: elsewhere.personalNumber, from: person.birthDate });
      }
      return { person, guardians };
    });
    return { adults, children };
  }

  /** The other parent of a single parent's children: an adult written earlier, in another household. */
  private findGuardianElsewhere(parentSex: Sex, youngest: number, oldest: number): Adult | null {
    const count = this.recentAdults.length;
    const start = count > 0 ? this.random.integer(0, count - 1) : 0;
    for (let step = 0; step < count; step++) {
      const candidate = this.recentAdults[(start + step) % count] as Adult;
      if (candidate.sex !== parentSex && candidate.year >= youngest - 50 && candidate.year <= oldest - 20)
        return candidate;
    }
    return null;
  }

  private makePerson(year: number, sex: Sex, familyName?: string): Person {
    const issued = this.pool.take(year, sex, this.random);
    const names = givenNameLists[issued.sex][cohortOf(year)];
    const first = names.pick(this.random);
    let givenNames: string = first;
    if (this.random.chance(0.55)) {
      const second = names.pick(this.random);
      if (second !== first) givenNames = `${first} ${second}`;
    }
    const family = familyName ?? familyNameList.pick(this.random);
    let middleName: string | null = null;
    if (this.random.chance(0.03)) {
      const middle = familyNameList.pick(this.random);
      if (middle !== family) middleName = middle;
    }
    return {
      ...issued,
      name: { givenNames, callingName: givenNames === first ? null : first, middleName, familyName: family },
    };
  }

  /** An adult written to the file, who may be named as the other guardian of a later child. */
  remember(adult: Adult): void {
    if (this.recentAdults.length < 256) this.recentAdults.push(adult);
    else this.recentAdults[this.recentIndex++ % 256] = adult;
  }

  private adultYear(): number {
    const [min, max] = adultAges.pick(this.random);
    return this.todayYear - this.random.integer(min, max);
  }

  private randomSex(): Sex {
    return this.random.chance(0.5) ? 'female' : 'male';
  }
}

function opposite(sex: Sex): Sex {
  return sex === 'female' ? 'male' : 'female';
}
