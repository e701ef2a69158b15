import type { Writable } from 'node:stream';
import { demoMunicipality, demoTowns } from './demo-municipality.ts';
import type { Guardian, PopulationProtection } from './population-file.types.ts';
import { writeFileEnd, writeFileStart, writeRecord } from './population-file.writer.ts';
import { type DemoCitizen, groupDemoCitizens } from './population-generator.demo.ts';
import {
  type Adult,
  type Household,
  HouseholdMaker,
  type Person,
} from './population-generator.households.ts';
import { addDays, PersonalNumberPool, randomDateBetween } from './population-generator.numbers.ts';
import {
  LANDLORDS,
  newOrganisationNumber,
  organisationCatalogue,
} from './population-generator.organisations.ts';
import { BufferedOutput } from './population-generator.output.ts';
import { type Place, PlaceMaker } from './population-generator.places.ts';
import { Random, WeightedList } from './random.ts';

export type { DemoCitizen };

export type GeneratorInputs = {
  /** Skatteverket's test numbers, used first (server/seeds/testpersonnummer.txt). */
  testNumbers: readonly string[];
  /** The test identity provider's citizens: in every file, as families where their ages allow. */
  demoCitizens: readonly DemoCitizen[];
};

export type PopulationFileOptions = {
  /** People in the file, the demo citizens included. */
  persons: number;
  seed: string;
  /** "Today" (`YYYY-MM-DD`): ages count from it and no one is born after it. Same seed and day, same file. */
  today: string;
};

export type PopulationFileSummary = {
  persons: number;
  households: number;
  properties: number;
  organisations: number;
  protectedPersons: number;
  testNumbers: number;
  syntheticNumbers: number;
  bytes: number;
};

/** How often a household is protected (all its members): about one person in a thousand. */
const PROTECTED_HOUSEHOLD_SHARE = 0.001;
const FLAT_SHARE = 0.55;
/** Adults to choose organisations' signatories from, gathered before the organisations are written. */
const SIGNATORY_POOL = 150;

/**
 * Writes a synthetic full-load population file of `persons` people to `stream`, deterministic for
 * a seed and a day, in constant memory: households with guardianship, ~1 in 1,000 protected,
 * houses and blocks of flats as properties with owners, organisations with signatories, and the
 * demo citizens first (docs/population-file-format.md, "The generator").
 */
export async function generatePopulationFile(
  stream: Writable,
  options: PopulationFileOptions,
  inputs: GeneratorInputs,
): Promise<PopulationFileSummary> {
  if (!Number.isInteger(options.persons) || options.persons < inputs.demoCitizens.length) {
    throw new RangeError(
      `persons must be a whole number of at least ${inputs.demoCitizens.length} (the demo citizens)`,
    );
  }
  return new PopulationGenerator(stream, options, inputs).run();
}

class PopulationGenerator {
  private readonly options: PopulationFileOptions;
  private readonly inputs: GeneratorInputs;
  private readonly random: Random;
  private readonly out: BufferedOutput;
  private readonly pool: PersonalNumberPool;
  private readonly places: PlaceMaker;
  private readonly todayYear: number;
  private readonly people: HouseholdMaker;
  private readonly signatoryPool: Adult[] = [];
  private readonly organisationNumbers = new Map<string, string>();
  private readonly landlords: WeightedList<string>;
  private persons = 0;
  private households = 0;
  private protectedPersons = 0;
  private testNumbers = 0;

  constructor(stream: Writable, options: PopulationFileOptions, inputs: GeneratorInputs) {
    this.options = options;
    this.inputs = inputs;
    this.random = new Random(options.seed);
    this.out = new BufferedOutput(stream);
    this.todayYear = Number(options.today.slice(0, 4));
    this.pool = new PersonalNumberPool(
      inputs.testNumbers,
      inputs.demoCitizens.map((citizen) => citizen.personalNumber),
      this.random,
      options.today,
    );
    this.places = new PlaceMaker(this.random);
    this.people = new HouseholdMaker(this.random, this.pool, this.todayYear);
    this.landlords = new WeightedList(LANDLORDS);
  }

  async run(): Promise<PopulationFileSummary> {
    this.out.write(
      writeFileStart({
        fileKind: 'full',
        created: `${this.options.today}T00:00:00Z`,
        source: `karna generate population (seed ${this.options.seed.replace(/[^\w .-]/g, '')})`,
        isSynthetic: true,
      }),
    );
    const demoHouseholds = groupDemoCitizens(this.inputs.demoCitizens, this.options.today);
    for (const [index, household] of demoHouseholds.entries()) {
      const town = demoTowns[(index + 1) % demoTowns.length]?.name;
      this.writeHousehold(household, 'none', this.places.house(town));
      await this.out.maybeFlush();
    }
    while (this.persons < this.options.persons && this.signatoryPool.length < SIGNATORY_POOL) {
      this.writeGeneratedHousehold(false);
      await this.out.maybeFlush();
    }
    this.writeOrganisations(demoHouseholds.flatMap((household) => household.adults));
    while (this.persons < this.options.persons) {
      this.writeGeneratedHousehold(true);
      await this.out.maybeFlush();
    }
    this.out.write(writeFileEnd());
    await this.out.end();
    return {
      persons: this.persons,
      households: this.households,
      properties: this.places.propertiesMade,
      organisations: this.organisationNumbers.size,
      protectedPersons: this.protectedPersons,
      testNumbers: this.testNumbers,
      syntheticNumbers: this.persons - this.testNumbers,
      bytes: this.out.bytes,
    };
  }

  private writeGeneratedHousehold(mayLiveInFlat: boolean): void {
    const household = this.people.make(this.options.persons - this.persons);
    const roll = this.random.next();
    const protection: PopulationProtection =
      roll < PROTECTED_HOUSEHOLD_SHARE / 2
        ? 'secrecy_marking'
        : roll < PROTECTED_HOUSEHOLD_SHARE
          ? 'protected_registration'
          : 'none';
    let place: Place | null = null;
    if (protection !== 'protected_registration') {
      place =
        mayLiveInFlat && this.random.chance(FLAT_SHARE)
          ? this.places.flat((building, flats) => this.writeBlockOfFlats(building, flats))
          : this.places.house();
    }
    this.writeHousehold(household, protection, place);
  }

  private writeHousehold(household: Household, protection: PopulationProtection, place: Place | null): void {
    const { adults, children } = household;
    const youngestAdult = adults.reduce(
      (latest, adult) => (adult.birthDate > latest ? adult.birthDate : latest),
      '0000',
    );
    const earliest = maxDate(addDays(youngestAdult, 18 * 365), addDays(this.options.today, -25 * 365));
    const since = randomDateBetween(earliest, addDays(this.options.today, -1), this.random);
    const protectedSince =
      protection === 'none' ? null : randomDateBetween(since, this.options.today, this.random);
    const registration = this.places.registration(place, since);
    const address = place?.address ?? null;
    for (const adult of adults) {
      this.writePerson(adult, [], protection, protectedSince, registration, address);
      if (protection === 'none') this.rememberAdult(adult);
    }
    for (const { person, guardians } of children) {
      const childRegistration = { ...registration, since: maxDate(since, person.birthDate) };
      this.writePerson(person, guardians, protection, protectedSince, childRegistration, address);
    }
    if (place?.kind === 'house' && adults.length > 0) {
      this.out.write(
        writeRecord({
          kind: 'property',
          designation: place.designation,
          municipalityCode: demoMunicipality.municipalityCode,
          areaSquareMetres: this.random.integer(450, 1800),
          point: place.point,
          owners: adults.map((adult) => ({
            owner: { type: 'person', personalNumber: adult.personalNumber },
            share: { numerator: 1, denominator: adults.length },
            from: since,
          })),
        }),
      );
    }
    this.households++;
  }

  private writePerson(
    person: Person,
    guardians: Guardian[],
    protection: PopulationProtection,
    protectedSince: string | null,
    registration: ReturnType<PlaceMaker['registration']>,
    address: Place['address'] | null,
  ): void {
    this.out.write(
      writeRecord({
        kind: 'person',
        person: {
          personalNumber: person.personalNumber,
          birthDate: person.birthDate,
          isCoordinationNumber: false,
          name: person.name,
          protection,
          protectedSince,
          registration,
          address,
          guardians,
          deregistration: null,
        },
      }),
    );
    this.persons++;
    if (protection !== 'none') this.protectedPersons++;
    if (this.pool.isTestNumber(person.personalNumber)) this.testNumbers++;
  }

  private rememberAdult(person: Person): void {
    const adult = {
      personalNumber: person.personalNumber,
      year: Number(person.birthDate.slice(0, 4)),
      sex: person.sex,
      birthDate: person.birthDate,
    };
    this.people.remember(adult);
    const age = this.todayYear - adult.year;
    if (this.signatoryPool.length < SIGNATORY_POOL && age >= 25 && age <= 75) this.signatoryPool.push(adult);
  }

  private writeOrganisations(demoAdults: Person[]): void {
    const demoSignatories = demoAdults.filter(
      (adult) => this.todayYear - Number(adult.birthDate.slice(0, 4)) < 70,
    );
    organisationCatalogue.forEach(([name, legalForm], index) => {
      const wanted =
        legalForm === 'AB'
          ? this.random.integer(1, 2)
          : legalForm === 'HB' || legalForm === 'KB'
            ? 2
            : this.random.integer(2, 3);
      const chosen = new Map<string, Adult>();
      const demo = demoSignatories[index];
      if (demo) chosen.set(demo.personalNumber, { ...demo, year: Number(demo.birthDate.slice(0, 4)) });
      for (
        let attempt = 0;
        chosen.size < wanted && attempt < 20 && this.signatoryPool.length > 0;
        attempt++
      ) {
        const candidate = this.random.pick(this.signatoryPool);
        chosen.set(candidate.personalNumber, candidate);
      }
      const organisationNumber = newOrganisationNumber(
        legalForm,
        this.random,
        new Set(this.organisationNumbers.values()),
      );
      this.organisationNumbers.set(name, organisationNumber);
      this.out.write(
        writeRecord({
          kind: 'organisation',
          organisationNumber,
          name,
          legalForm,
          signatories: [...chosen.values()].map((adult) => ({
            personalNumber: adult.personalNumber,
            from: randomDateBetween(
              maxDate(addDays(adult.birthDate, 18 * 366), addDays(this.options.today, -15 * 365)),
              this.options.today,
              this.random,
            ),
          })),
        }),
      );
    });
  }

  private writeBlockOfFlats(place: Place, flats: number): void {
    const landlord = this.landlords.pick(this.random);
    this.out.write(
      writeRecord({
        kind: 'property',
        designation: place.designation,
        municipalityCode: demoMunicipality.municipalityCode,
        areaSquareMetres: flats * this.random.integer(90, 160),
        point: place.point,
        owners: [
          {
            owner: {
              type: 'organisation',
              organisationNumber: this.organisationNumbers.get(landlord) as string,
            },
            share: { numerator: 1, denominator: 1 },
            from: randomDateBetween('1965-01-01', this.options.today, this.random),
          },
        ],
      }),
    );
  }
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
