import type { Writable } from 'node:stream';
import { type PopulationFileSource, readPopulationFile } from './population-file.parser.ts';
import type { PersonData, PersonRecord, PopulationRecordKind } from './population-file.types.ts';
import {
  type PopulationRecordInput,
  writeFileEnd,
  writeFileStart,
  writeRecord,
} from './population-file.writer.ts';
import type { DemoCitizen } from './population-generator.demo.ts';
import { cohortOf, emigrationCountries, familyNames, givenNames } from './population-generator.names.ts';
import { addDays, PersonalNumberPool, randomDateBetween, type Sex } from './population-generator.numbers.ts';
import { BufferedOutput } from './population-generator.output.ts';
import { PlaceMaker } from './population-generator.places.ts';
import { Random, WeightedList } from './random.ts';

export type ChangeFileOptions = {
  /** How many records of each change kind (fewer when the full file has too few candidates). */
  count: number;
  seed: string;
  /** "Today": the changes are dated within the 30 days before it. */
  today: string;
};

export type ChangeFileSummary = { records: Partial<Record<PopulationRecordKind, number>>; bytes: number };

type Candidate = PersonData;

/**
 * Writes a change file (typ="andring") about the people of a generated full file: `count` moves,
 * births, custody changes, deaths, protections set and lifted, emigrations and name changes, dated
 * within the last 30 days and in date order, with a property record before each move into a new
 * house. Reads the full file once, keeping only a small random sample of each kind of candidate.
 * The demo citizens are left alone, so logging in as one still finds what the full file says.
 */
export async function generateChangeFile(
  fullFile: PopulationFileSource,
  stream: Writable,
  options: ChangeFileOptions,
  inputs: { testNumbers: readonly string[]; demoCitizens: readonly DemoCitizen[] },
): Promise<ChangeFileSummary> {
  const random = new Random(`${options.seed}/changes`);
  const demo = new Set(inputs.demoCitizens.map((citizen) => citizen.personalNumber));
  const pool = new PersonalNumberPool(inputs.testNumbers, demo, random, options.today);
  const places = new PlaceMaker(random);
  const samples = new Samples(random, options.count * 8);
  const firstEventDate = addDays(options.today, -30);
  const todayYear = Number(options.today.slice(0, 4));

  for await (const item of readPopulationFile(fullFile)) {
    if (item.kind === 'header') {
      if (item.fileKind !== 'full') throw new Error('--changes-from needs a full file (typ="fullstandig")');
    } else if (item.kind === 'property') {
      places.reserveDesignation(item.designation);
    } else if (item.kind === 'person') {
      const person = item.person;
      if (person.birthDate >= firstEventDate) pool.exclude(person.personalNumber);
      if (person.registration.propertyDesignation)
        places.reserveDesignation(person.registration.propertyDesignation);
      if (!demo.has(person.personalNumber)) samples.add(person, todayYear);
    }
  }

  const used = new Set<string>();
  const take = (
    list: Candidate[],
    accept: (candidate: Candidate) => boolean = () => true,
  ): Candidate | undefined => {
    const found = list.find((candidate) => !used.has(candidate.personalNumber) && accept(candidate));
    if (found) used.add(found.personalNumber);
    return found;
  };
  const events: { date: string; records: PopulationRecordInput[] }[] = [];
  const eventDate = (from = 30, to = 1) =>
    randomDateBetween(addDays(options.today, -from), addDays(options.today, -to), random);

  /** A house the person has just bought alone: its property record. */
  const houseBoughtBy = (
    buyer: { personalNumber: string; registration: { municipalityCode: string } },
    place: ReturnType<typeof places.house>,
    date: string,
  ): PopulationRecordInput => ({
    kind: 'property',
    designation: place.designation,
    municipalityCode: buyer.registration.municipalityCode,
    areaSquareMetres: random.integer(450, 1800),
    point: place.point,
    owners: [
      {
        owner: { type: 'person', personalNumber: buyer.personalNumber },
        share: { numerator: 1, denominator: 1 },
        from: date,
      },
    ],
  });

  for (let index = 0; index < options.count; index++) {
    const mover = take(samples.adults);
    if (mover) {
      const date = eventDate();
      const place = places.house();
      events.push({
        date,
        records: [
          houseBoughtBy(mover, place, date),
          {
            kind: 'move',
            personalNumber: mover.personalNumber,
            date,
            registration: places.registration(place, date),
            address: place.address,
          },
        ],
      });
    }

    const sibling = take(samples.siblingSources);
    if (sibling) {
      for (const guardian of sibling.guardians) used.add(guardian.personalNumber);
      const birthDate = eventDate();
      const sex: Sex = random.chance(0.5) ? 'female' : 'male';
      const issued = pool.synthetic(birthDate, sex);
      const name = new WeightedList(givenNames[sex][cohortOf(Number(birthDate.slice(0, 4)))]).pick(random);
      events.push({
        date: birthDate,
        records: [
          {
            kind: 'birth',
            date: birthDate,
            person: {
              personalNumber: issued.personalNumber,
              birthDate,
              isCoordinationNumber: false,
              name: {
                givenNames: name,
                callingName: null,
                middleName: null,
                familyName: sibling.name.familyName,
              },
              protection: 'none',
              protectedSince: null,
              registration: { ...sibling.registration, since: birthDate },
              address: sibling.address,
              guardians: sibling.guardians.map((guardian) => ({
                personalNumber: guardian.personalNumber,
                from: birthDate,
              })),
              deregistration: null,
            },
          },
        ],
      });
    }

    const custodyRecord = index % 2 === 0 ? endCustody() : (addCustody() ?? endCustody());
    if (custodyRecord) events.push(custodyRecord);

    const dying = take(samples.elderly);
    if (dying) {
      const date = eventDate();
      events.push({ date, records: [{ kind: 'death', personalNumber: dying.personalNumber, date }] });
    }

    const emigrant = take(samples.adults);
    if (emigrant) {
      const date = eventDate();
      events.push({
        date,
        records: [
          {
            kind: 'emigration',
            personalNumber: emigrant.personalNumber,
            date,
            country: random.pick(emigrationCountries),
          },
        ],
      });
    }

    const renamed = take(samples.adults);
    if (renamed) {
      const date = eventDate();
      const familyName = new WeightedList(
        familyNames.filter(([name]) => name !== renamed.name.familyName),
      ).pick(random);
      events.push({
        date,
        records: [
          {
            kind: 'nameChange',
            personalNumber: renamed.personalNumber,
            date,
            name: { ...renamed.name, familyName },
          },
        ],
      });
    }

    const termCode = index % 2 === 0 ? '01003' : '01020';
    const protectedNow = take(samples.adults);
    if (protectedNow) {
      const date = eventDate(30, 16);
      const protection = termCode === '01003' ? 'secrecy_marking' : 'protected_registration';
      events.push({
        date,
        records: [
          {
            kind: 'protection',
            personalNumber: protectedNow.personalNumber,
            date,
            termCode,
            protection,
            action: 'set',
            registration: null,
            address: null,
          },
        ],
      });
      // Lift a protection from the full file, or else this one, later in the same file.
      const lifted = take(samples.protectedPersons) ?? { ...protectedNow, protection };
      const liftDate = eventDate(15, 1);
      const liftedCode = lifted.protection === 'secrecy_marking' ? '01003' : '01020';
      const place = liftedCode === '01020' ? places.house() : null;
      const records: PopulationRecordInput[] = [];
      if (place) {
        records.push(houseBoughtBy(lifted, place, liftDate));
      }
      records.push({
        kind: 'protection',
        personalNumber: lifted.personalNumber,
        date: liftDate,
        termCode: liftedCode,
        protection: lifted.protection === 'secrecy_marking' ? 'secrecy_marking' : 'protected_registration',
        action: 'lifted',
        registration: place ? places.registration(place, liftDate) : null,
        address: place?.address ?? null,
      });
      events.push({ date: liftDate, records });
    }
  }

  function endCustody(): { date: string; records: PopulationRecordInput[] } | undefined {
    const child = take(samples.childrenWithTwoGuardians);
    const guardian = child?.guardians[1];
    if (!child || !guardian) return undefined;
    const date = eventDate();
    return {
      date,
      records: [
        {
          kind: 'custody',
          personalNumber: child.personalNumber,
          changes: [{ guardian: guardian.personalNumber, change: 'ended', date }],
        },
      ],
    };
  }

  function addCustody(): { date: string; records: PopulationRecordInput[] } | undefined {
    const child = take(samples.childrenWithOneGuardian);
    if (!child) return undefined;
    const childYear = Number(child.birthDate.slice(0, 4));
    const guardian = take(samples.adults, (adult) => {
      const difference = childYear - Number(adult.birthDate.slice(0, 4));
      return (
        difference >= 20 && difference <= 50 && adult.personalNumber !== child.guardians[0]?.personalNumber
      );
    });
    if (!guardian) return undefined;
    const date = eventDate();
    return {
      date,
      records: [
        {
          kind: 'custody',
          personalNumber: child.personalNumber,
          changes: [{ guardian: guardian.personalNumber, change: 'added', date }],
        },
      ],
    };
  }

  const out = new BufferedOutput(stream);
  out.write(
    writeFileStart({
      fileKind: 'change',
      created: `${options.today}T01:00:00Z`,
      source: 'karna generate population --changes-from',
      isSynthetic: true,
    }),
  );
  const counts: Partial<Record<PopulationRecordKind, number>> = {};
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const event of events) {
    for (const record of event.records) {
      out.write(writeRecord(record, { pretty: true }));
      counts[record.kind] = (counts[record.kind] ?? 0) + 1;
    }
  }
  out.write(writeFileEnd());
  await out.end();
  return { records: counts, bytes: out.bytes };
}

/** Bounded random samples (reservoir sampling) of the people each change kind can be made about. */
class Samples {
  readonly adults: Candidate[] = [];
  readonly elderly: Candidate[] = [];
  readonly protectedPersons: Candidate[] = [];
  readonly siblingSources: Candidate[] = [];
  readonly childrenWithTwoGuardians: Candidate[] = [];
  readonly childrenWithOneGuardian: Candidate[] = [];
  private readonly random: Random;
  private readonly size: number;
  private readonly seen = new Map<Candidate[], number>();

  constructor(random: Random, size: number) {
    this.random = random;
    this.size = size;
  }

  add(person: PersonRecord['person'], todayYear: number): void {
    const age = todayYear - Number(person.birthDate.slice(0, 4));
    if (person.deregistration) return;
    if (person.protection !== 'none') {
      this.offer(this.protectedPersons, person);
      return;
    }
    if (age >= 20 && age <= 64 && person.address && person.guardians.length === 0)
      this.offer(this.adults, person);
    if (age >= 75) this.offer(this.elderly, person);
    if (person.guardians.length === 2) {
      this.offer(this.childrenWithTwoGuardians, person);
      // A newborn sibling needs guardians 20–50 years older than a child born this year.
      const isParentAge = person.guardians.every((guardian) => {
        const difference = todayYear - Number(guardian.personalNumber.slice(0, 4));
        return difference >= 20 && difference <= 50;
      });
      if (isParentAge && person.address) this.offer(this.siblingSources, person);
    }
    if (person.guardians.length === 1) this.offer(this.childrenWithOneGuardian, person);
  }

  private offer(list: Candidate[], person: Candidate): void {
    const seen = (this.seen.get(list) ?? 0) + 1;
    this.seen.set(list, seen);
    if (list.length < this.size) list.push(person);
    else {
      const slot = Math.floor(this.random.next() * seen);
      if (slot < this.size) list[slot] = person;
    }
  }
}
